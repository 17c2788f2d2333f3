package cn.xuncha.ingest;

import java.io.IOException;

/** A camera source failed in a way the supervisor can name to an operator (refused, 401, stalled, …). */
public class SourceException extends IOException {
    /** Why the source failed; decides the health state and whether to log it as news. */
    public enum Kind { STALLED, REFUSED, UNKNOWN_HOST, NOT_FOUND, UNAUTHORIZED, TIMEOUT, ENDED, BAD_STREAM, OTHER }

    private final Kind kind;

    public SourceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
