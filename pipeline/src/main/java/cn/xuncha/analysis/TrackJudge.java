package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.mean;

import cn.xuncha.config.ZoneConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Decides what the tracks of one sample mean: which have stayed past their dwell and get scored, and which
 * findings (OPENED / UPDATED / CLOSED) follow. Crops are scored in one batch per sample.
 */
final class TrackJudge {
    private static final double MIN_SCORE_GAIN = 0.05;
    private static final double MOVED_IOU = 0.7;
    private final String cameraId;
    private final String pointId;
    private final AnalyzerSettings s;
    private final CropClassifier classifier;

    TrackJudge(String cameraId, String pointId, AnalyzerSettings s, CropClassifier classifier) {
        this.cameraId = cameraId;
        this.pointId = pointId;
        this.s = s;
        this.classifier = classifier;
    }

    List<Finding> judge(Tracker tracker, ZoneMap zones, SampleView v) {
        List<Finding> out = new ArrayList<>();
        for (Track t : tracker.expire(s.closeAfterMisses())) {
            if (t.opened) out.add(finding(t, FindingEvent.CLOSED, t.reportedScore, v, Evidence.NONE));
        }
        List<Track> due = new ArrayList<>();
        for (Track t : tracker.tracks()) {
            if (!t.matchedNow) continue;
            t.sinceScore++;
            double[] foot = v.footOriginal(t.box);
            Duration dwell = zones.dwellAt(foot[0], foot[1], s.defaultDwell());
            boolean pastDwell = Duration.between(t.firstSeen, v.at()).compareTo(dwell) >= 0 && t.seen >= 2;
            if (pastDwell && t.sinceScore >= s.rescoreEvery()) due.add(t);
        }
        if (due.isEmpty()) return out;
        List<Mat> crops = new ArrayList<>();
        try {
            for (Track t : due) {
                Box c = v.squareCrop(v.toOriginal(t.box), classifier.cropPadding());
                crops.add(new Mat(v.frame(), new Rect(c.x(), c.y(), c.w(), c.h())));
            }
            float[] scores = classifier.score(crops);
            for (int i = 0; i < due.size(); i++) decide(due.get(i), scores[i], crops.get(i), zones, v, out);
        } finally {
            crops.forEach(Mat::close);
        }
        return out;
    }

    private void decide(Track t, double score, Mat crop, ZoneMap zones, SampleView v, List<Finding> out) {
        t.score = score;
        t.sinceScore = 0;
        double[] foot = v.footOriginal(t.box);
        Optional<ZoneConfig> ruleZone = zones.ruleZoneAt(foot[0], foot[1]);
        boolean garbage = score >= classifier.threshold();
        Category category = garbage ? garbageCategory(t.box, v) : null;
        Optional<Category> zoneCategory = CategoryRules.zone(ruleZone);
        // in a rule zone, anything pile-sized is the zone's problem (a parked car, a vendor's cart, goods in the
        // passage) whatever the garbage score says; a bag dumped there stays garbage
        boolean byZone = zoneCategory.isPresent() && (category == null || category == Category.PILING);
        if (byZone) category = zoneCategory.get();
        if (category == null) return; // a harmless static object (e.g. a parked bike outside any rule zone)
        double reported = byZone ? t.presence() : score;
        if (!t.opened) {
            t.opened = true;
            t.category = category;
            out.add(report(t, FindingEvent.OPENED, reported, crop, v));
        } else if ((reported >= t.reportedScore + MIN_SCORE_GAIN || t.box.iou(t.reportedBox) < MOVED_IOU)
                && Duration.between(t.lastReportAt, v.at()).compareTo(s.updateInterval()) >= 0) {
            out.add(report(t, FindingEvent.UPDATED, Math.max(reported, t.reportedScore), crop, v));
        }
    }

    private Finding report(Track t, FindingEvent event, double score, Mat crop, SampleView v) {
        t.reportedBox = t.box;
        t.reportedScore = score;
        t.lastReportAt = v.at();
        return finding(t, event, score, v, EvidenceBuilder.build(v.image(), v.reference(), crop, t.box));
    }

    private Finding finding(Track t, FindingEvent event, double score, SampleView v, Evidence evidence) {
        return new Finding(cameraId, pointId, t.id, event, t.category, score, v.toOriginal(t.box), v.at(), evidence);
    }

    private static Category garbageCategory(Box b, SampleView v) {
        double fraction = b.area() / (double) v.image().total();
        try (Rect r = new Rect(b.x(), b.y(), b.w(), b.h()); Mat roi = new Mat(v.image(), r)) {
            return CategoryRules.garbage(fraction, mean(roi));
        }
    }
}
