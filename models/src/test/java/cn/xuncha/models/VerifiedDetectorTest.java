package cn.xuncha.models;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.data.PixelBox;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The second stage on fakes: geometric-mean rescoring, suppression after it, and the crops the scorer is shown. */
class VerifiedDetectorTest {

    private static Detection d(double s, double x, double y, double w) {
        return new Detection(Detection.EXPOSED_GARBAGE, s, new PixelBox(x, y, w, w));
    }

    /** A scorer that answers fixed verdicts in order and keeps what it was shown. */
    private static class FixedScorer implements CropScorer {
        final float[] verdicts;
        final List<double[]> shown = new ArrayList<>(); // {cols, rows, mean brightness}

        FixedScorer(float... verdicts) {
            this.verdicts = verdicts;
        }

        @Override
        public float[] scoreBatch(List<Mat> crops) {
            for (Mat c : crops) shown.add(new double[] {c.cols(), c.rows(), mean(c).get(0)});
            return java.util.Arrays.copyOf(verdicts, crops.size());
        }

        @Override
        public int cropSize() {
            return 32;
        }
    }

    @Test
    void aBoxKeepsTheGeometricMeanOfBothScores() {
        FixedScorer scorer = new FixedScorer(1.0f, 0.25f);
        BoxProposer proposer = img -> new DetectionResult(0.64, List.of(d(0.64, 0, 0, 20), d(0.25, 100, 100, 20)));
        try (Mat img = new Mat(200, 200, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            DetectionResult r = new VerifiedDetector(proposer, scorer, 0.3).detectAll(img);
            assertEquals(2, r.detections().size());
            assertEquals(0.8, r.detections().get(0).score(), 1e-6);
            assertEquals(0.25, r.detections().get(1).score(), 1e-6);
            assertEquals(0.8, r.maxScore(), 1e-6);
            assertEquals(List.of(r.detections().get(0)), new VerifiedDetector(proposer, scorer, 0.3).detect(img).detections(),
                    "detect keeps only boxes at or above the threshold");
            assertEquals("box detector + verifier", new VerifiedDetector(proposer, scorer, 0.3).description());
            VerifiedDetector.Stages stages = new VerifiedDetector(proposer, new FixedScorer(1.0f, 0.25f), 0.3).detectStages(img);
            assertEquals(r.detections(), stages.kept().detections());
            assertEquals(2, stages.beforeSuppression().size(), "every verified box, before suppression");
        }
    }

    @Test
    void ofTwoOverlappingBoxesTheBetterVerifiedOneIsKept() {
        // the proposer prefers A, the classifier B: suppression runs on the combined scores, so B survives
        FixedScorer scorer = new FixedScorer(0.1f, 0.9f);
        BoxProposer proposer = img -> new DetectionResult(0.9, List.of(d(0.9, 50, 50, 40), d(0.6, 55, 55, 40)));
        try (Mat img = new Mat(200, 200, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            List<Detection> kept = new VerifiedDetector(proposer, scorer, 0.3).detectAll(img).detections();
            assertEquals(1, kept.size());
            assertEquals(55, kept.get(0).box().x(), 1e-9);
            assertEquals(Math.sqrt(0.54), kept.get(0).score(), 1e-6);
        }
    }

    @Test
    void aScorerThatPlacesBoxesMovesThemBeforeSuppression() {
        // the refining scorer moves both overlapping proposals apart onto two bags: both survive, at their new places
        CropScorer refining = new FixedScorer(0.9f, 0.9f) {
            @Override
            public Verdict verify(Mat bgr, List<PixelBox> boxes) {
                return new Verdict(scoreBoxes(bgr, boxes), List.of(new PixelBox(10, 50, 40, 40), new PixelBox(120, 50, 40, 40)));
            }
        };
        BoxProposer proposer = img -> new DetectionResult(0.9, List.of(d(0.9, 50, 50, 40), d(0.9, 55, 55, 40)));
        try (Mat img = new Mat(200, 200, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            List<Detection> kept = new VerifiedDetector(proposer, refining, 0.3).detectAll(img).detections();
            assertEquals(List.of(10.0, 120.0), kept.stream().map(k -> k.box().x()).sorted().toList());
        }
    }

    @Test
    void theScorerSeesAPaddedSquareCropAroundEachBoxAtItsSize() {
        FixedScorer scorer = new FixedScorer(0.5f, 0.5f);
        // a white 40x40 square at (100,100) in a black image: its crop (padded 1.25x) is mostly white, elsewhere black
        BoxProposer proposer = img -> new DetectionResult(0.5, List.of(d(0.5, 100, 100, 40), d(0.4, 10, 10, 40)));
        try (Mat img = new Mat(240, 320, CV_8UC3, new Scalar(0, 0, 0, 0)); Rect r = new Rect(100, 100, 40, 40);
             Mat roi = new Mat(img, r)) {
            roi.put(new Scalar(255, 255, 255, 0));
            new VerifiedDetector(proposer, scorer, 0.3).detectAll(img);
            assertEquals(2, scorer.shown.size());
            for (double[] s : scorer.shown) assertTrue(s[0] == 32 && s[1] == 32, "crops are resized to the scorer's size");
            double white = 255 / 1.5625; // 40² of 50² pixels
            assertEquals(white, scorer.shown.get(0)[2], 12, "the crop is centred on the box with 1.25x padding");
            assertEquals(0, scorer.shown.get(1)[2], 1e-9);
        }
    }

    @Test
    void withoutProposalsNothingIsScored() {
        FixedScorer scorer = new FixedScorer();
        try (Mat img = new Mat(100, 100, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            DetectionResult r = new VerifiedDetector(img2 -> new DetectionResult(0, List.of()), scorer, 0.3).detectAll(img);
            assertTrue(r.detections().isEmpty());
            assertEquals(0, r.maxScore());
            assertTrue(scorer.shown.isEmpty());
        }
    }

    @Test
    void aTrainedVerifierPairsOnlyWithTheBoxModelItWasTrainedOn() {
        ModelMetadata verifier = new ModelMetadata(List.of("background", "garbage"), 32, 1.25, 0.5, 0.42, "sha256:data",
                java.util.Map.of(), java.util.Map.of(VerifiedDetector.BOX_MODEL_KEY, "abc"));
        assertTrue(VerifiedDetector.trainedOn(verifier, "abc"));
        assertFalse(VerifiedDetector.trainedOn(verifier, "abd"), "a retrained box model");
        assertFalse(VerifiedDetector.trainedOn(verifier, null), "a box model not loaded from a file");
        ModelMetadata untagged = new ModelMetadata(List.of("background", "garbage"), 32, 1.25, 0.5, 0.42, "sha256:data",
                java.util.Map.of(), java.util.Map.of());
        assertFalse(VerifiedDetector.trainedOn(untagged, "abc"));
    }

    @Test
    void detectionsAreReportedAtTheStrictPointWhenTrainingRecordedOne() {
        java.util.Map<String, Double> both = java.util.Map.of(VerifiedDetector.THRESHOLD_METRIC, 0.43, VerifiedDetector.STRICT_THRESHOLD_METRIC, 0.49);
        assertEquals(0.49, VerifiedDetector.reportingThreshold(both, 0.5));
        assertEquals(0.43, VerifiedDetector.reportingThreshold(java.util.Map.of(VerifiedDetector.THRESHOLD_METRIC, 0.43), 0.5),
                "a calibration without a strict point keeps its best-F1 threshold");
        assertEquals(0.5, VerifiedDetector.reportingThreshold(java.util.Map.of(), 0.5));
        assertEquals(0.5, VerifiedDetector.reportingThreshold(null, 0.5));
        ModelMetadata verifier = new ModelMetadata(List.of("background", "garbage"), 96, 1.25, 0.43, 0.43, "sha256:0", both, java.util.Map.of());
        assertEquals(0.49, VerifiedDetector.reportingThreshold(verifier));
    }
}
