package cn.xuncha.ingest;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.IngestConfig;
import java.time.Duration;

/** Everything a source needs to open one camera: who it is, where, how often to sample and how long to wait. */
public record SourceSettings(
        String cameraId,
        String pointId,
        String url,
        Duration sampleInterval,
        Duration connectTimeout,
        Duration stallTimeout,
        boolean keyframesOnly,
        int maxWidth) {

    public static SourceSettings of(String pointId, CameraConfig camera, IngestConfig ingest) {
        return new SourceSettings(camera.id(), pointId, camera.url(), camera.sampleInterval(),
                ingest.connectTimeout(), ingest.stallTimeout(), ingest.keyframesOnly(), 1280);
    }

    public SourceSettings withKeyframesOnly(boolean keyOnly) {
        return new SourceSettings(cameraId, pointId, url, sampleInterval, connectTimeout, stallTimeout, keyOnly, maxWidth);
    }
}
