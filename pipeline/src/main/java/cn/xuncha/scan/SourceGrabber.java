package cn.xuncha.scan;

import cn.xuncha.config.IngestConfig;
import cn.xuncha.ingest.FrameSample;
import cn.xuncha.ingest.FrameSource;
import cn.xuncha.ingest.FrameSources;
import cn.xuncha.ingest.SourceSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Grabs keyframes through the ingest stage's sources (FFmpeg with interrupt callbacks, HTTP JPEG). Connect and stall
 * timeouts bound each call; a watchdog aborts the source when the whole camera exceeds its budget, so one hung
 * camera cannot hold a scan slot for long.
 */
public final class SourceGrabber implements FrameGrabber {
    private final IngestConfig ingest;
    private final ScanSettings settings;
    private final ScheduledExecutorService watchdog;

    public SourceGrabber(IngestConfig ingest, ScanSettings settings, ScheduledExecutorService watchdog) {
        this.ingest = ingest;
        this.settings = settings;
        this.watchdog = watchdog;
    }

    @Override
    public List<Mat> grab(ScanTarget t) throws IOException {
        SourceSettings s = new SourceSettings(t.cameraId(), t.pointId(), t.camera().url(), settings.frameSpacing(),
                ingest.connectTimeout(), ingest.stallTimeout(), true, 1280);
        List<Mat> frames = new ArrayList<>();
        try (FrameSource source = FrameSources.factory(ingest.rtspClient()).apply(s)) {
            ScheduledFuture<?> abort = watchdog.schedule(source::abort, settings.cameraTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                source.open();
                while (frames.size() < settings.framesPerCamera()) {
                    try (FrameSample sample = source.next()) {
                        frames.add(sample.image().clone());
                    }
                }
            } catch (IOException e) {
                // some frames are still worth checking (a camera that stalls after a keyframe is not offline)
                if (frames.isEmpty()) throw e;
            } finally {
                abort.cancel(false);
            }
        } catch (IOException | RuntimeException e) {
            frames.forEach(Mat::close);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        return frames;
    }
}
