package cn.xuncha.ingest;

/** Event-bus addresses owned by the ingest stage. */
public final class Addresses {
    /** CameraHealth as JSON, published on every state change. Owner: {@link IngestVerticle}. */
    public static final String CAMERA_HEALTH = "xuncha.camera.health";
    /** Request/reply: latest frame of one camera as JPEG bytes; suffixed with the camera id. Owner: {@link IngestVerticle}. */
    public static final String CAMERA_SNAPSHOT_PREFIX = "xuncha.camera.snapshot.";
    /** Cluster-wide map cameraId → CameraHealth JSON. */
    public static final String HEALTH_MAP = "xuncha.camera-health";

    private Addresses() {}
}
