package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.mean;

import cn.xuncha.config.ZoneConfig;
import cn.xuncha.models.Detection;
import cn.xuncha.models.ImageDetector;
import cn.xuncha.models.data.PixelBox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Single-image mode (nightly scans, uploaded photos): no reference background, so the model scans the whole
 * photo ({@link ImageDetector}); detections whose ground point lies in the analysed area become OPENED
 * findings, split into garbage categories by the same size/colour rules as in reference mode.
 */
public final class SingleImageAnalyzer {
    private final ImageDetector detector;

    public SingleImageAnalyzer(ImageDetector detector) {
        this.detector = detector;
    }

    /** @param zones the camera's zones (IGNORE/GROUND restrict where garbage counts); the image stays the caller's */
    public List<Finding> analyze(String cameraId, String pointId, Instant at, Mat bgr, List<ZoneConfig> zones) {
        List<Finding> out = new ArrayList<>();
        int i = 0;
        for (Detection d : detector.detect(bgr).detections()) {
            Box box = toBox(d.box(), bgr);
            if (box.w() == 0 || box.h() == 0 || !ZoneMap.analysed(zones, box.x() + box.w() / 2.0, box.y() + box.h())) continue;
            try (Rect r = new Rect(box.x(), box.y(), box.w(), box.h()); Mat crop = new Mat(bgr, r)) {
                Category c = CategoryRules.garbage(box.area() / (double) bgr.total(), mean(crop));
                Evidence ev = new Evidence(EvidenceBuilder.withBox(bgr, box), EvidenceBuilder.jpeg(crop), null);
                // no tracking across single images: ids only need to be distinct within this camera
                out.add(new Finding(cameraId, pointId, at.toEpochMilli() * 100 + i++, FindingEvent.OPENED, c, d.score(), box, at, ev));
            }
        }
        return out;
    }

    private static Box toBox(PixelBox p, Mat img) {
        int x = (int) Math.max(0, Math.floor(p.x())), y = (int) Math.max(0, Math.floor(p.y()));
        int x1 = (int) Math.min(img.cols(), Math.ceil(p.x() + p.w())), y1 = (int) Math.min(img.rows(), Math.ceil(p.y() + p.h()));
        return new Box(x, y, Math.max(0, x1 - x), Math.max(0, y1 - y));
    }
}
