package cn.xuncha.ingest.rtsp;

import java.io.IOException;

/** The camera answered a request with an error status (401, 404, 454 …). */
public final class RtspStatusException extends IOException {
    private final int status;

    public RtspStatusException(String method, int status, String reason) {
        super(method + ": " + status + " " + reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
