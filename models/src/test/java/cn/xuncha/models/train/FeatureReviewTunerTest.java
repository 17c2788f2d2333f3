package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xuncha.models.FeatureVerifier;
import cn.xuncha.models.FeatureVerifierNet;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.CropFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review fine-tuning of the feature verifier (needs the backbone's files; skipped without them). */
class FeatureReviewTunerTest {

    @Test
    void holdsAQuarterOutScoresBothAndKeepsThePairing(@TempDir Path dir) throws IOException {
        BoxDetector boxes = BoxDetector.loadDefault().orElseThrow();
        assumeTrue(boxes.backbone() != null, "skipped: backbone files not found in " + Backbone.directory());
        ModelMetadata meta = new ModelMetadata(List.of("background", "garbage"), FeatureVerifier.CROP, 1.25, 0.5, 0.5, "test", Map.of(),
                Map.of(VerifiedDetector.BOX_MODEL_KEY, boxes.sha256(), Backbone.SHA_KEY, boxes.backbone().sha256()));
        FeatureVerifier current = new FeatureVerifier(FeatureVerifierNet.create(1, FeatureVerifierNet.inputs(boxes.backbone().variant(), CropFeatures.Layout.COARSE), 1e-3),
                boxes.backbone(), meta);
        List<ReviewSet.Item> items = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Path f = dir.resolve("c" + i + ".jpg");
            try (Mat m = new Mat(50 + i, 60, CV_8UC3, new Scalar(i % 2 == 1 ? 40 : 200, 90 + i, 120, 0))) {
                imwrite(f.toString(), m);
            }
            items.add(new ReviewSet.Item(f, i % 2, "exposed_garbage"));
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ReviewFineTuner.Outcome<FeatureVerifier> r = new FeatureReviewTuner(3, 2, new PrintStream(log, true)).run(current, items);
        assertEquals(4, r.heldOutItems(), "a quarter of each label");
        assertEquals(12, r.trainItems());
        assertEquals("auroc", r.metric());
        assertTrue(r.currentScore() >= 0 && r.currentScore() <= 1 && r.candidateScore() >= 0 && r.candidateScore() <= 1);
        assertTrue(log.toString().contains("held-out auroc"), log.toString());
        Map<?, ?> record = (Map<?, ?>) r.candidate().metadata().training().get(ReviewFineTuner.TUNED_KEY);
        assertEquals(16, record.get("items"));
        assertTrue(record.containsKey("before") && record.containsKey("after"), record.toString());
        assertTrue(VerifiedDetector.trainedOn(r.candidate().metadata(), boxes.sha256()), "still pairs with its box model");
        assertTrue(Files.exists(dir.resolve("c0.jpg")), "the reviewed crops are left alone");
    }
}
