package cn.xuncha.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits an MJPEG byte stream into JPEGs by their SOI (FFD8) and EOI (FFD9) markers, which works whatever
 * boundary string or part headers a cheap camera sends.
 */
final class MjpegReader {
    private static final int MAX_JPEG = 20 * 1024 * 1024;
    private final InputStream in;

    MjpegReader(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    /** The next complete JPEG, or null at end of stream. */
    byte[] nextJpeg() throws IOException {
        int prev = -1;
        int b;
        while ((b = in.read()) >= 0) { // skip part headers up to SOI
            if (prev == 0xFF && b == 0xD8) break;
            prev = b;
        }
        if (b < 0) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.write(0xFF);
        out.write(0xD8);
        prev = -1;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (prev == 0xFF && b == 0xD9) return out.toByteArray();
            if (out.size() > MAX_JPEG) throw new IOException("MJPEG part larger than " + MAX_JPEG + " bytes");
            prev = b;
        }
        return null;
    }
}
