package cn.xuncha.ingest;

import java.io.IOException;

/**
 * A camera stream opened on the grab thread. {@link #next()} blocks until the next sample is due and returns it
 * (ownership passes to the caller); it throws {@link SourceException} on faults instead of returning stale frames.
 * {@link #abort()} may be called from any thread and makes a blocked {@link #next()} or {@link #open()} return promptly.
 */
public interface FrameSource extends AutoCloseable {
    void open() throws IOException;

    FrameSample next() throws IOException;

    /** Compressed bytes received so far on this connection. */
    long bytesRead();

    void abort();

    @Override
    void close();
}
