package cn.xuncha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
    }

    @Test
    void missingFolderIsAClearError(@TempDir Path dir) {
        CliTestSupport.Run r = CliTestSupport.run(new EvalCommand(), dir.resolve("absent").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("absent"), r.err());
    }
}
