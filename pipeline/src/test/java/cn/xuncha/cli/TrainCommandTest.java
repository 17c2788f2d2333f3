package cn.xuncha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import cn.xuncha.analysis.SyntheticScene;
import cn.xuncha.models.FeatureVerifier;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ImageDetectors;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.TailStart;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @Test
    void missingDatasetIsNamedAndExitsNonZero(@TempDir Path dir) {
        Path data = dir.resolve("no-such-dataset");
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--data", data.toString(),
                "--cameras", dir.toString(), "--out", dir.resolve("m.zip").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no-such-dataset"), r.err());
        assertFalse(Files.exists(dir.resolve("m.zip")));
    }

    @Test
    void reviewsWithoutLabelsCsvAreNamed(@TempDir Path dir) throws Exception {
        Path model = CliTestSupport.untrainedModel(dir, 0.5);
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--from-reviews", dir.resolve("reviews").toString(),
                "--model", model.toString(), "--out", dir.resolve("new.zip").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("labels.csv"), r.err());
    }

    @Test
    void fineTunesOnReviewsAndPrintsBothScores(@TempDir Path dir) throws Exception {
        Path model = CliTestSupport.untrainedModel(dir, 0.5);
        Path reviews = reviewCrops(dir);
        Path out = dir.resolve("tuned.zip");
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--from-reviews", reviews.toString(),
                "--model", model.toString(), "--out", out.toString(), "--fine-tune-epochs", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("current model:") && r.out().contains("fine-tuned   :"), r.out());
        assertEquals(r.out().contains("promoted: wrote"), Files.exists(out), r.out());
    }

    /** The verifier of the detector that runs here: its metadata still names the box model it verifies. */
    @Test
    void fineTunesTheSingleImageVerifierOnReviews(@TempDir Path dir) throws Exception {
        Path reviews = reviewCrops(dir);
        Path out = dir.resolve("verifier.zip");
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--from-reviews", reviews.toString(), "--tune-verifier",
                "--out", out.toString(), "--fine-tune-epochs", "1");
        assertEquals(0, r.exit(), r.err());
        BoxDetector boxes = BoxDetector.loadDefault().orElseThrow();
        // the verifier on backbone features where it ships and the backbone's files are found, else the crop classifier
        boolean onFeatures = FeatureVerifier.loadShipped(boxes).isPresent();
        String name = onFeatures ? FeatureVerifier.MODEL_NAME : ImageDetectors.verifierNameFor(boxes);
        assertTrue(r.out().contains("verifier: " + name + " for " + boxes.description()), r.out());
        assertTrue(r.out().contains("current model:") && r.out().contains("fine-tuned   :"), r.out());
        assertEquals(r.out().contains("promoted: wrote"), Files.exists(out), r.out());
        if (Files.exists(out) && onFeatures) {
            assertTrue(VerifiedDetector.trainedOn(FeatureVerifier.load(out, boxes).metadata(), boxes.sha256()), "still pairs with its box model");
        } else if (Files.exists(out)) {
            try (GarbageClassifier tuned = GarbageClassifier.load(out)) {
                assertTrue(VerifiedDetector.trainedOn(tuned.metadata(), boxes.sha256()), "still pairs with its box model");
            }
        }
        CliTestSupport.Run alone = CliTestSupport.run(new TrainCommand(), "--tune-verifier", "--out", out.toString());
        assertEquals(2, alone.exit());
        assertTrue(alone.err().contains("--tune-verifier goes with --from-reviews"), alone.err());
    }

    private static Path reviewCrops(Path dir) throws Exception {
        Path reviews = Files.createDirectories(dir.resolve("reviews"));
        StringBuilder csv = new StringBuilder("file,label,category\n");
        for (int i = 0; i < 16; i++) {
            CliTestSupport.writeImage(reviews.resolve("c" + i + ".jpg"), 60 + i, 60, i);
            csv.append("c").append(i).append(".jpg,").append(i % 2).append(",exposed_garbage\n");
        }
        Files.writeString(reviews.resolve("labels.csv"), csv);
        return reviews;
    }

    @Test
    void boxesAndBoxVerifierTogetherAreRefused(@TempDir Path dir) {
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--boxes", "--box-verifier", "--out", dir.resolve("m.zip").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--boxes and --box-verifier"), r.err());
    }

    @Test
    void anUnknownBackboneIsNamedWithTheKnownOnes(@TempDir Path dir) {
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--boxes", "--backbone", "resnet50", "--out", dir.resolve("m.zip").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--backbone: unknown backbone 'resnet50'") && r.err().contains("yolo-fastest-1.1-xl"), r.err());
    }

    @Test
    void aTuningStartThatIsNoneOfTheKnownLayersIsRefusedWithThem(@TempDir Path dir) {
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--boxes", "--backbone", "yolo-fastest-1.1-xl", "--tune-backbone",
                "--tune-from", "60", "--out", dir.resolve("m.zip").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--tune-from: a tuned head can start at Darknet layer 81 or 59, not 60"), r.err());
        CliTestSupport.Run alone = CliTestSupport.run(new TrainCommand(), "--boxes", "--tune-from", "59", "--out", dir.resolve("m.zip").toString());
        assertEquals(2, alone.exit());
        assertTrue(alone.err().contains("--tune-from goes with --tune-backbone"), alone.err());
    }

    @Test
    void verifierMembersGoWithTheFeatureVerifierAndAreCounted(@TempDir Path dir) {
        CliTestSupport.Run alone = CliTestSupport.run(new TrainCommand(), "--box-verifier", "--members", "2", "--out", dir.resolve("m.zip").toString());
        assertEquals(2, alone.exit());
        assertTrue(alone.err().contains("--members goes with --box-verifier --on-features"), alone.err());
        CliTestSupport.Run none = CliTestSupport.run(new TrainCommand(), "--box-verifier", "--on-features", "--members", "0",
                "--out", dir.resolve("m.zip").toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--members: 1 to 8 networks, got 0"), none.err());
    }

    @Test
    void proposalSidesGoWithTheFeatureVerifierAndMustSuitTheHead(@TempDir Path dir) {
        String out = dir.resolve("m.zip").toString();
        CliTestSupport.Run alone = CliTestSupport.run(new TrainCommand(), "--box-verifier", "--proposal-sides", "256,384", "--out", out);
        assertEquals(2, alone.exit());
        assertTrue(alone.err().contains("--proposal-sides goes with --box-verifier --on-features"), alone.err());
        CliTestSupport.Run odd = CliTestSupport.run(new TrainCommand(), "--box-verifier", "--on-features", "--proposal-sides", "256,400", "--out", out);
        assertEquals(2, odd.exit());
        assertTrue(odd.err().contains("--proposal-sides: 400 is not a multiple of 32 from 64 to 1024"), odd.err());
        CliTestSupport.Run twice = CliTestSupport.run(new TrainCommand(), "--box-verifier", "--on-features", "--proposal-sides", "256,256", "--out", out);
        assertEquals(2, twice.exit());
        assertTrue(twice.err().contains("--proposal-sides: [256, 256] names a side twice"), twice.err());
    }

    /** The verifier on a tiny synthetic dataset: trained against the committed box model, which its metadata names. */
    @Test
    void trainsABoxVerifierThatNamesTheBoxModelAndIsUsableAtOnce(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data"), cameras = Files.createDirectories(dir.resolve("cameras"));
        for (String split : new String[] {"train", "valid"}) {
            for (int i = 0; i < 3; i++) bagPhoto(data.resolve(split), split + i, i);
        }
        writeClip(cameras.resolve("street.avi"));
        Path model = CliTestSupport.untrainedModel(dir, 0.5);
        Path out = Files.createDirectories(dir.resolve("trained")); // a directory: the model goes in it under its own name
        // the stand-alone box model on every machine: the head on the pre-trained backbone, where its files are found,
        // proposes no background on these synthetic photos (a clear error, but not what this test is about)
        String oldBackbone = System.getProperty(Backbone.DIR_VARIABLE);
        System.setProperty(Backbone.DIR_VARIABLE, dir.resolve("no-backbone").toString());
        try {
            trainAndUseVerifier(data, cameras, model, out);
        } finally {
            if (oldBackbone == null) System.clearProperty(Backbone.DIR_VARIABLE); else System.setProperty(Backbone.DIR_VARIABLE, oldBackbone);
        }
    }

    /** One epoch of tuning the shipped head with the backbone's layers from 59 on; needs the backbone's files. */
    @Test
    void tunesTheShippedHeadAndWritesAHeadThatLoadsOnThePatchedBackbone(@TempDir Path dir) throws Exception {
        BoxDetector shipped = BoxDetector.loadDefault().orElseThrow();
        assumeTrue(shipped.backbone() != null, "skipped: backbone files not found in " + Backbone.directory());
        Path data = dir.resolve("data"), cameras = Files.createDirectories(dir.resolve("cameras"));
        for (String split : new String[] {"train", "valid"}) {
            for (int i = 0; i < 3; i++) bagPhoto(data.resolve(split), split + i, i);
        }
        writeClip(cameras.resolve("street.avi"));
        Path out = dir.resolve("tuned.zip");
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--boxes", "--backbone", shipped.backbone().variant().fileName(),
                "--tune-backbone", "--tune-from", "59", "--data", data.toString(), "--cameras", cameras.toString(), "--epochs", "1",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("epoch 1: loss") && r.out().contains("best epoch 1"), r.out());
        BoxDetector tuned = BoxDetector.load(out);
        assertEquals(shipped.sha256(), tuned.metadata().training().get("started_from_sha256"));
        assertEquals("59-128", tuned.metadata().training().get("tuned_backbone_layers"));
        if (TailStart.ofHead(shipped.metadata().training()).orElse(TailStart.AFTER_STRIDE16) == TailStart.AFTER_STRIDE8) {
            // from 81 the run would hold the pre-trained layers 59-80 where the shipped head has tuned ones
            CliTestSupport.Run later = CliTestSupport.run(new TrainCommand(), "--boxes", "--backbone", shipped.backbone().variant().fileName(),
                    "--tune-backbone", "--tune-from", "81", "--data", data.toString(), "--cameras", cameras.toString(), "--out", out.toString());
            assertEquals(2, later.exit(), later.err());
            assertTrue(later.err().contains("--tune-from 81: the committed head's tuned layers start at 59"), later.err());
        }
        assertEquals(shipped.backbone().sha256(), tuned.backbone().sha256(), "the pre-trained weights, for the pairing");
        assertNotEquals(tuned.backbone().sha256(), tuned.headBackbone().sha256(), "the tuned layers written into the head's network");
    }

    private static void trainAndUseVerifier(Path data, Path cameras, Path model, Path out) throws Exception {
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--box-verifier", "--data", data.toString(),
                "--cameras", cameras.toString(), "--model", model.toString(), "--epochs", "1", "--out", out.toString());
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("proposal crops:") && r.out().contains("verified detection threshold"), r.out());
        Path zip = out.resolve(VerifiedDetector.VERIFIER_MODEL_NAME + ".zip");
        assertTrue(r.out().contains("wrote " + zip), r.out());

        ModelMetadata meta = GarbageClassifier.load(zip).metadata();
        BoxDetector boxes = BoxDetector.loadDefault().orElseThrow();
        assertNull(boxes.backbone());
        assertEquals(boxes.sha256(), meta.training().get(VerifiedDetector.BOX_MODEL_KEY));
        assertEquals(meta.validationMetrics().get(VerifiedDetector.THRESHOLD_METRIC), meta.detectionThreshold());

        Path photo = data.resolve("valid").resolve("images").resolve("valid0.png");
        CliTestSupport.Run d = CliTestSupport.run(new DetectCommand(), "--json", "--verifier", zip.toString(), photo.toString());
        assertEquals(0, d.exit(), d.err());
        assertFalse(d.err().contains("warning"), "trained on the box model it is used with: " + d.err());
    }

    private static void bagPhoto(Path split, String name, int seed) throws Exception {
        Path images = Files.createDirectories(split.resolve("images")), labels = Files.createDirectories(split.resolve("labels"));
        try (SyntheticScene scene = new SyntheticScene(320, 240); Mat f = scene.frame()) {
            SyntheticScene.bag(f, new Rect(60 + 30 * seed, 80, 90, 70));
            SyntheticScene.bag(f, new Rect(200, 120 - 10 * seed, 70, 80));
            imwrite(images.resolve(name + ".png").toString(), f);
        }
        Files.writeString(labels.resolve(name + ".txt"), String.format(java.util.Locale.ROOT, "0 %.4f %.4f %.4f %.4f%n0 %.4f %.4f %.4f %.4f%n",
                (105 + 30 * seed) / 320.0, 115 / 240.0, 90 / 320.0, 70 / 240.0, 235 / 320.0, (160 - 10 * seed) / 240.0, 70 / 320.0, 80 / 240.0));
    }

    private static void writeClip(Path file) throws Exception {
        try (SyntheticScene scene = new SyntheticScene(320, 240);
                FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 320, 240);
                OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            rec.setFormat("avi");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(5);
            rec.start();
            for (int i = 0; i < 20; i++) {
                try (Mat f = scene.frame()) {
                    rec.record(conv.convert(f));
                }
            }
            rec.stop();
        }
    }
}
