package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import cn.xuncha.config.ZoneConfig;
import cn.xuncha.ingest.FrameSample;
import java.time.Instant;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Static-change analysis of one fixed camera view: learns a reference, finds regions that changed, are not
 * moving and persist, tracks them and reports findings for those that stay past their dwell and are garbage
 * (or break a zone rule). Not thread-safe: one instance per camera, owned by one worker. Buffers are reused.
 */
public final class CameraAnalyzer implements AutoCloseable {
    private static final int TRACK_MARGIN = 5;
    private final List<ZoneConfig> zones;
    private final AnalyzerSettings s;
    private final ReferenceBackground reference;
    private final ChangeDetector detector;
    private final CandidateExtractor extractor;
    private final GlobalGain gain = new GlobalGain();
    private final Tracker tracker = new Tracker();
    private final TrackJudge judge;
    private final Mat small = new Mat();
    private final Mat background = new Mat();
    private FrameFeatures cur = new FrameFeatures();
    private FrameFeatures prev = new FrameFeatures();
    private boolean prevValid;
    private double prevGain;
    private int disturbed;
    private ZoneMap zoneMap;
    private double scale = 1;

    public CameraAnalyzer(String cameraId, String pointId, List<ZoneConfig> zones, AnalyzerSettings settings, CropClassifier classifier) {
        this.zones = List.copyOf(zones);
        this.s = settings;
        this.reference = new ReferenceBackground(settings.learnSamples(), settings.adaptAlpha());
        this.detector = new ChangeDetector(settings);
        this.extractor = new CandidateExtractor(settings.minArea(), settings.maxAreaFraction());
        this.judge = new TrackJudge(cameraId, pointId, settings, classifier);
    }

    /** Analyses one sample; the caller still owns (and closes) it. */
    public List<Finding> analyze(FrameSample sample) {
        return analyze(sample.capturedAt(), sample.image());
    }

    /** @param frame BGR frame in original pixels; boxes in the findings refer to it */
    public List<Finding> analyze(Instant at, Mat frame) {
        Mat img = toAnalysisSize(frame);
        if (!reference.ready()) {
            if (reference.learn(img)) detector.reset();
            return List.of();
        }
        cur.compute(img);
        boolean colour = ColourMode.isColour(cur);
        double g = gain.estimate(cur.logL, reference.features.logL, zoneMap.area);
        detector.update(cur, reference.features, prevValid ? prev : null, g, prevGain, colour && reference.colour(), zoneMap.area);
        List<Finding> out = List.of();
        if (detector.changedFraction() > s.disturbanceFraction() || colour != reference.colour()) {
            // camera moved, lights switched, IR mode: hold tracks; relearn if it lasts
            if (++disturbed >= s.disturbanceSamples()) {
                resetReference();
                return out;
            }
        } else {
            disturbed = 0;
            tracker.update(extractor.extract(detector.candidates), at, detector.moving);
            dropGhosts(img);
            out = judge.judge(tracker, zoneMap, new SampleView(at, frame, img, reference.image, scale));
            adaptReference(img);
        }
        FrameFeatures t = prev;
        prev = cur;
        cur = t;
        prevValid = true;
        prevGain = g;
        return out;
    }

    /** Relearn the clean scene from the next samples (e.g. after a case was verified clean); tracks are dropped. */
    public void resetReference() {
        reference.reset();
        detector.reset();
        tracker.clear();
        prevValid = false;
        disturbed = 0;
    }

    /** Whether the reference has been learned and samples are being analysed. */
    public boolean ready() {
        return reference.ready();
    }

    private Mat toAnalysisSize(Mat frame) {
        double sc = frame.cols() > s.analysisWidth() ? s.analysisWidth() / (double) frame.cols() : 1.0;
        int w = (int) Math.round(frame.cols() * sc), h = (int) Math.round(frame.rows() * sc);
        if (zoneMap == null || zoneMap.area.cols() != w || zoneMap.area.rows() != h) {
            if (zoneMap != null) zoneMap.close();
            zoneMap = new ZoneMap(zones, w, h, sc);
            scale = sc;
            resetReference();
        }
        if (sc == 1.0) return frame;
        resize(frame, small, new Size(w, h), 0, 0, INTER_AREA);
        return small;
    }

    /** Candidates that are a vanished reference object, not a new one, are absorbed into the reference. */
    private void dropGhosts(Mat img) {
        for (Track t : List.copyOf(tracker.tracks())) {
            if (t.opened || !t.matchedNow || t.seen > 3) continue;
            if (GhostTest.isGhost(cur.logL, reference.features.logL, t.box)) {
                try (Rect r = grown(t.box, img)) {
                    reference.absorb(img, r);
                }
                tracker.remove(t);
            }
        }
    }

    private void adaptReference(Mat img) {
        bitwise_or(detector.changed, detector.moving, background);
        bitwise_not(background, background);
        bitwise_and(background, zoneMap.area, background);
        for (Track t : tracker.tracks()) {
            try (Rect r = grown(t.box, img); Mat roi = new Mat(background, r)) {
                roi.put(Scalar.all(0));
            }
        }
        reference.adapt(img, background);
    }

    private static Rect grown(Box b, Mat img) {
        int x = Math.max(0, b.x() - TRACK_MARGIN), y = Math.max(0, b.y() - TRACK_MARGIN);
        int x1 = Math.min(img.cols(), b.x() + b.w() + TRACK_MARGIN), y1 = Math.min(img.rows(), b.y() + b.h() + TRACK_MARGIN);
        return new Rect(x, y, x1 - x, y1 - y);
    }

    @Override
    public void close() {
        reference.close();
        detector.close();
        extractor.close();
        gain.close();
        cur.close();
        prev.close();
        small.close();
        background.close();
        if (zoneMap != null) zoneMap.close();
    }
}
