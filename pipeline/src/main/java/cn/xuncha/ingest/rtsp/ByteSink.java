package cn.xuncha.ingest.rtsp;

import java.util.Arrays;

/** A growable byte buffer reused across access units (one per camera, so no per-frame garbage). */
final class ByteSink {
    private static final byte[] START_CODE = {0, 0, 0, 1};
    private byte[] buf = new byte[256 * 1024];
    private int size;

    void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    void put(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void startCode() {
        put(START_CODE, 0, 4);
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
}
