package cn.xuncha.ingest;

import cn.xuncha.ingest.SourceException.Kind;
import java.time.Clock;
import java.time.Instant;

/**
 * The health state machine of one camera. Retries of a failing camera keep its state (and "since") instead of
 * flapping through CONNECTING, so an operator sees "OFFLINE since 02:13, 40 reconnects", not noise.
 */
final class HealthTracker {
    private final String cameraId;
    private final String pointId;
    private final String source;
    private final Clock clock;
    private HealthState state;
    private Instant since;
    private Instant lastFrameAt;
    private long frames;
    private long reconnects;
    private long bytesBefore;
    private long bytesNow;
    private String lastError;
    private boolean attempted;

    HealthTracker(String cameraId, String pointId, String source, Clock clock) {
        this.cameraId = cameraId;
        this.pointId = pointId;
        this.source = source;
        this.clock = clock;
        move(HealthState.CONNECTING);
    }

    /** A connection attempt starts; returns true if the state changed. */
    synchronized boolean connecting() {
        if (attempted) reconnects++;
        attempted = true;
        bytesBefore += bytesNow;
        bytesNow = 0;
        return state == HealthState.ONLINE && move(HealthState.CONNECTING);
    }

    /** A sample arrived; {@code connectionBytes} is the current connection's byte count. */
    synchronized boolean frame(long connectionBytes) {
        frames++;
        lastFrameAt = clock.instant();
        bytesNow = connectionBytes;
        lastError = null;
        return move(HealthState.ONLINE);
    }

    synchronized void bytes(long connectionBytes) {
        bytesNow = connectionBytes;
    }

    /** The connection failed; a stall (and a timeout while stalled) is STALLED, everything else OFFLINE. */
    synchronized boolean failed(Kind kind, String message) {
        lastError = message;
        boolean stalled = kind == Kind.STALLED || (state == HealthState.STALLED && kind == Kind.TIMEOUT);
        return move(stalled ? HealthState.STALLED : HealthState.OFFLINE);
    }

    synchronized HealthState state() {
        return state;
    }

    synchronized CameraHealth snapshot() {
        return new CameraHealth(cameraId, pointId, source, state, since, lastFrameAt, frames, reconnects,
                bytesBefore + bytesNow, lastError);
    }

    private boolean move(HealthState next) {
        if (next == state) return false;
        state = next;
        since = clock.instant();
        return true;
    }
}
