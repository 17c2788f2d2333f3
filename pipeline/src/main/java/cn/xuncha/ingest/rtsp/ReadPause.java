package cn.xuncha.ingest.rtsp;

import java.io.IOException;

/** The pause between batched reads; must return early (throwing) when the camera's source is aborted. */
@FunctionalInterface
public interface ReadPause {
    void sleep() throws IOException;
}
