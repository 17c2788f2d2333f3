package cn.xuncha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        Path reviews = Files.createDirectories(dir.resolve("reviews"));
        StringBuilder csv = new StringBuilder("file,label,category\n");
        for (int i = 0; i < 16; i++) {
            CliTestSupport.writeImage(reviews.resolve("c" + i + ".jpg"), 60 + i, 60, i);
            csv.append("c").append(i).append(".jpg,").append(i % 2).append(",exposed_garbage\n");
        }
        Files.writeString(reviews.resolve("labels.csv"), csv);
        Path out = dir.resolve("tuned.zip");
        CliTestSupport.Run r = CliTestSupport.run(new TrainCommand(), "--from-reviews", reviews.toString(),
                "--model", model.toString(), "--out", out.toString(), "--fine-tune-epochs", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("current model:") && r.out().contains("fine-tuned   :"), r.out());
        assertEquals(r.out().contains("promoted: wrote"), Files.exists(out), r.out());
    }
}
