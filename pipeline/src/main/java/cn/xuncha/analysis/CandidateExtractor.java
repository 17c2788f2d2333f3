package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Turns the candidate mask into boxes (analysis pixels) of plausible object size. */
final class CandidateExtractor implements AutoCloseable {
    private final Mat labels = new Mat();
    private final Mat stats = new Mat();
    private final Mat centroids = new Mat();
    private final int minArea;
    private final double maxAreaFraction;

    CandidateExtractor(int minArea, double maxAreaFraction) {
        this.minArea = minArea;
        this.maxAreaFraction = maxAreaFraction;
    }

    List<Box> extract(Mat mask) {
        int n = connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
        long maxArea = (long) (maxAreaFraction * mask.rows() * mask.cols());
        List<Box> out = new ArrayList<>();
        try (IntIndexer ix = stats.createIndexer()) {
            for (int i = 1; i < n; i++) { // label 0 is the background
                int area = ix.get(i, CC_STAT_AREA);
                if (area < minArea || area > maxArea) continue;
                out.add(new Box(ix.get(i, CC_STAT_LEFT), ix.get(i, CC_STAT_TOP), ix.get(i, CC_STAT_WIDTH), ix.get(i, CC_STAT_HEIGHT)));
            }
        }
        return out;
    }

    @Override
    public void close() {
        labels.close();
        stats.close();
        centroids.close();
    }
}
