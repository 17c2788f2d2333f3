package cn.xuncha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @Test
    void evaluatesADatasetRootAndWritesJson(@TempDir Path dir) throws Exception {
        Path model = CliTestSupport.untrainedModel(dir, 0.5);
        Path root = dir.resolve("ds");
        for (String s : new String[] {"valid", "test"}) {
            Files.createDirectories(root.resolve(s).resolve("images"));
            Files.createDirectories(root.resolve(s).resolve("labels"));
        }
        CliTestSupport.writeImage(root.resolve("valid/images/a.jpg"), 200, 160, 1);
        Files.writeString(root.resolve("valid/labels/a.txt"), "0 0.5 0.5 0.3 0.3\n");                 // box
        CliTestSupport.writeImage(root.resolve("test/images/b.jpg"), 160, 160, 2);
        Files.writeString(root.resolve("test/labels/b.txt"), "1 0.1 0.1 0.4 0.1 0.4 0.5 0.1 0.5\n"); // polygon
        CliTestSupport.writeImage(root.resolve("test/images/c.jpg"), 160, 120, 3);                   // no label: empty
        Path out = dir.resolve("eval.json");

        CliTestSupport.Run r = CliTestSupport.run(new EvalCommand(), root.toString(), "--model", model.toString(),
                "--out", out.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("box recall @IoU0.3"), r.out());
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals(3, j.get("images").asInt());
        assertEquals(2, j.get("boxes").asInt());
        assertEquals(2, j.get("positiveImages").asInt());
        assertEquals(1, j.get("negativeImages").asInt());
        assertEquals(2, j.get("patches").get("positives").asInt());
        assertTrue(j.get("patches").get("negatives").asInt() > 0);
        assertTrue(j.has("imageAuroc") && j.has("falseBoxesPerImage") && j.has("boxRecallIou03"));
        assertTrue(j.get("strict").has("boxRecallIou03"), "recall at the false-box budget: " + j);
        JsonNode falses = j.get("strict").get("falses");
        double falsesThere = falses.get("onFoundBag").asInt() + falses.get("onBags").asInt() + falses.get("offBags").asInt();
        assertEquals(j.get("strict").get("falseBoxesPerImage").asDouble() * 3, falsesThere, 1e-9, "every false box put down somewhere: " + j);
        assertTrue(r.out().contains("false there"), r.out());
        JsonNode curve = j.get("curve");
        assertTrue(curve.size() > 10, "a threshold sweep: " + j);
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).get("falseBoxesPerImage").asDouble() <= curve.get(i - 1).get("falseBoxesPerImage").asDouble(),
                    "a higher threshold never raises more boxes: " + curve);
        }

        // the same three photos as one 2x2 mosaic (the fourth cell wraps to the first photo): box metrics only
        Path mosaicOut = dir.resolve("mosaic.json");
        r = CliTestSupport.run(new EvalCommand(), root.toString(), "--model", model.toString(), "--mosaic", "2",
                "--out", mosaicOut.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode m = new ObjectMapper().readTree(mosaicOut.toFile());
        assertEquals(1, m.get("images").asInt());
        assertEquals(3, m.get("boxes").asInt());
        assertTrue(m.get("dataset").asText().contains("mosaic 2x2"), m.toString());
        // "[box detector + verifier, tiled]", or "[box head on yolo-fastest-1.1-xl at 256+384 px + feature verifier, tiled]"
        // where the backbone's files are found; tiled: the 1280-px mosaic is proposed on in tiles too
        assertTrue(m.get("dataset").asText().matches(".*\\[box (detector|head on \\S+( at \\S+ px)?) \\+ (feature )?verifier, tiled]$"),
                "says which detector was measured: " + m);

        // the mosaic shrunk as a 720p camera's frame would be: the same bags, smaller
        r = CliTestSupport.run(new EvalCommand(), root.toString(), "--model", model.toString(), "--mosaic", "2",
                "--frame-side", "720", "--out", mosaicOut.toString());
        assertEquals(0, r.exit(), r.err());
        m = new ObjectMapper().readTree(mosaicOut.toFile());
        assertEquals(3, m.get("boxes").asInt());
        assertTrue(m.get("dataset").asText().contains("mosaic 2x2 at 720 px"), m.toString());

        // the same photos made grey before the detector sees them: the dataset line says so, the labels stay
        Path greyOut = dir.resolve("grey.json");
        r = CliTestSupport.run(new EvalCommand(), root.toString(), "--model", model.toString(), "--degrade", "grey",
                "--out", greyOut.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode g = new ObjectMapper().readTree(greyOut.toFile());
        assertEquals(2, g.get("boxes").asInt());
        assertTrue(g.get("dataset").asText().contains("(grey)"), g.toString());
    }

    @Test
    void aFrameSideWithoutAMosaicIsRefused(@TempDir Path dir) {
        CliTestSupport.Run r = CliTestSupport.run(new EvalCommand(), dir.toString(), "--frame-side", "720");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--frame-side") && r.err().contains("without --mosaic"), r.err());
    }

    @Test
    void anUnknownDegradationIsRefusedWithTheOnesThereAre(@TempDir Path dir) {
        CliTestSupport.Run r = CliTestSupport.run(new EvalCommand(), dir.toString(), "--degrade", "sepia");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--degrade") && r.err().contains("sepia") && r.err().contains("grey, dark, jpeg15"), r.err());
    }

    @Test
    void drawsOnePicturePerFrameWithAnIndex(@TempDir Path dir) throws Exception {
        Path model = CliTestSupport.untrainedModel(dir, 0.5);
        Path split = dir.resolve("ds");
        Files.createDirectories(split.resolve("images"));
        Files.createDirectories(split.resolve("labels"));
        CliTestSupport.writeImage(split.resolve("images/a.jpg"), 200, 160, 1);
        Files.writeString(split.resolve("labels/a.txt"), "0 0.5 0.5 0.3 0.3\n");
        CliTestSupport.writeImage(split.resolve("images/b.jpg"), 160, 160, 2);

        CliTestSupport.Run r = CliTestSupport.run(new EvalCommand(), split.toString(), "--model", model.toString(),
                "--out", dir.resolve("e.json").toString(), "--pictures", dir.resolve("pics").toString());

        assertEquals(0, r.exit(), r.err());
        List<String> index = Files.readAllLines(dir.resolve("pics/index.csv"));
        assertEquals(3, index.size(), index.toString());
        assertTrue(index.get(1).startsWith("0001-a.jpg,") && index.get(1).contains(",1,"), "a's one labelled bag: " + index);
        assertTrue(Files.size(dir.resolve("pics/0001-a.jpg")) > 0 && Files.size(dir.resolve("pics/0002-b.jpg")) > 0);
        assertTrue(r.out().contains("wrote 2 pictures"), r.out());
    }

    @Test
    void picturesWhereNoFolderCanBeMadeAreAClearError(@TempDir Path dir) throws Exception {
        Path model = CliTestSupport.untrainedModel(dir, 0.5);
        Files.createDirectories(dir.resolve("ds/images"));
        CliTestSupport.writeImage(dir.resolve("ds/images/a.jpg"), 160, 160, 1);
        Path file = Files.writeString(dir.resolve("taken"), "a file, not a folder");

        CliTestSupport.Run r = CliTestSupport.run(new EvalCommand(), dir.resolve("ds").toString(), "--model", model.toString(),
                "--out", dir.resolve("e.json").toString(), "--pictures", file.toString());

        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--pictures") && r.err().contains("taken"), r.err());
    }

    @Test
    void aMosaicSizeOutOfRangeIsRefused(@TempDir Path dir) {
        CliTestSupport.Run r = CliTestSupport.run(new EvalCommand(), dir.toString(), "--mosaic", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--mosaic"), r.err());
    }

    @Test
    void missingFolderIsAClearError(@TempDir Path dir) {
        CliTestSupport.Run r = CliTestSupport.run(new EvalCommand(), dir.resolve("absent").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("absent"), r.err());
    }
}
