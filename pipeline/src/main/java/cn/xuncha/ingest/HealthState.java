package cn.xuncha.ingest;

/** Connection state of one camera as the supervisor sees it. */
public enum HealthState {
    /** opening the stream (first time or after a failure) */
    CONNECTING,
    /** frames arriving */
    ONLINE,
    /** connected but no frame within the stall timeout */
    STALLED,
    /** connect failed or stream ended; waiting for the next retry */
    OFFLINE
}
