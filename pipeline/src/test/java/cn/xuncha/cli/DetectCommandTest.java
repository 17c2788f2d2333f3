package cn.xuncha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneJsonLinePerImageAndAnErrorLineForABadOne(@TempDir Path dir) throws Exception {
        Path model = CliTestSupport.untrainedModel(dir, 0.0);
        Path good = CliTestSupport.writeImage(dir.resolve("street.jpg"), 320, 200, 1);
        Path bad = dir.resolve("broken.jpg");
        Files.writeString(bad, "not a jpeg");
        String missing = dir.resolve("missing.png").toString();

        // threshold 0: every box the detector proposes is printed, whatever the committed models make of noise
        CliTestSupport.Run r = CliTestSupport.run(new DetectCommand(), "--json", "--threshold", "0", "--model", model.toString(),
                good.toString(), bad.toString(), missing);

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        JsonNode ok = JSON.readTree(lines.get(0));
        assertEquals(good.toString(), ok.get("image").asText());
        double score = ok.get("score").asDouble();
        assertTrue(score >= 0 && score <= 1);
        assertFalse(ok.has("error"));
        assertTrue(ok.get("detections").size() > 0, "threshold 0 must give boxes");
        for (JsonNode d : ok.get("detections")) {
            assertEquals("exposed_garbage", d.get("category").asText());
            assertTrue(d.get("score").asDouble() <= score + 1e-4);
            JsonNode box = d.get("box");
            assertEquals(4, box.size());
            for (JsonNode v : box) assertTrue(v.isIntegralNumber());
            assertTrue(box.get(0).asInt() >= 0 && box.get(1).asInt() >= 0);
            assertTrue(box.get(0).asInt() + box.get(2).asInt() <= 320 && box.get(1).asInt() + box.get(3).asInt() <= 200);
        }
        JsonNode err = JSON.readTree(lines.get(1));
        assertEquals(bad.toString(), err.get("image").asText());
        assertTrue(err.has("error"));
        assertEquals(missing, JSON.readTree(lines.get(2)).get("image").asText());
        assertTrue(JSON.readTree(lines.get(2)).has("error"));
    }

    @Test
    void highThresholdGivesNoBoxesButStillAScore(@TempDir Path dir) throws Exception {
        Path model = CliTestSupport.untrainedModel(dir, 0.0);
        Path img = CliTestSupport.writeImage(dir.resolve("a.png"), 100, 150, 2);
        CliTestSupport.Run r = CliTestSupport.run(new DetectCommand(), "--json", "--threshold", "1.01",
                "--model", model.toString(), img.toString());
        JsonNode line = JSON.readTree(r.out().strip());
        assertEquals(0, line.get("detections").size());
        assertTrue(line.get("score").asDouble() > 0);
    }

    @Test
    void allImagesFailingIsANonZeroExit(@TempDir Path dir) throws Exception {
        Path model = CliTestSupport.untrainedModel(dir, 0.5);
        CliTestSupport.Run r = CliTestSupport.run(new DetectCommand(), "--json", "--model", model.toString(),
                dir.resolve("nothing.jpg").toString());
        assertEquals(1, r.exit());
        assertTrue(JSON.readTree(r.out().strip()).get("error").asText().contains("no such file"));
    }

    @Test
    void aDirectoryOrAnUnencodablePathIsAnErrorLineAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path model = CliTestSupport.untrainedModel(dir, 0.5);
        // a Chinese file name, as uploads here have, when the JVM can encode it (./xuncha sets a UTF-8 locale)
        boolean utf8 = String.valueOf(System.getProperty("sun.jnu.encoding")).toUpperCase().contains("UTF");
        Path img = CliTestSupport.writeImage(dir.resolve(utf8 ? "垃圾 photo.png" : "photo.png"), 120, 90, 3);
        CliTestSupport.Run r = CliTestSupport.run(new DetectCommand(), "--json", "--model", model.toString(),
                dir.toString(), "bad\u0000name.jpg", img.toString());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length, r.out());
        assertTrue(JSON.readTree(lines[0]).get("error").asText().contains("is a directory"), lines[0]);
        assertTrue(JSON.readTree(lines[1]).get("error").asText().contains("not a usable file path"), lines[1]);
        assertEquals(img.toString(), JSON.readTree(lines[2]).get("image").asText());
        assertTrue(JSON.readTree(lines[2]).has("score"), lines[2]);
        assertEquals(0, r.exit(), "some images were read");
    }
}
