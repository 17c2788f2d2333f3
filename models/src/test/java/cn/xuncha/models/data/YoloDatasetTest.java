package cn.xuncha.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloDatasetTest {

    @Test
    void findsSplitsUnderARootAndPairsLabels(@TempDir Path root) throws IOException {
        for (String s : List.of("valid", "test")) {
            Files.createDirectories(root.resolve(s).resolve("images"));
            Files.createDirectories(root.resolve(s).resolve("labels"));
            Files.write(root.resolve(s).resolve("images").resolve(s + ".jpg"), new byte[] {1});
        }
        Files.writeString(root.resolve("valid/labels/valid.txt"), "0 0.5 0.5 0.5 0.5\n");
        List<LabeledImage> all = YoloDataset.splitOrRoot(root, "valid", "test");
        assertEquals(2, all.size());
        assertEquals(1, YoloDataset.boxes(all.get(0), 100, 100).size());
        assertEquals(0, YoloDataset.boxes(all.get(1), 100, 100).size(), "missing label file = no object");
        assertEquals(1, YoloDataset.splitOrRoot(root.resolve("test"), "valid").size());
    }

    @Test
    void missingFolderIsNamed(@TempDir Path root) {
        IOException e = assertThrows(IOException.class, () -> YoloDataset.splitOrRoot(root.resolve("nope"), "valid"));
        assertTrue(e.getMessage().contains("nope"));
        e = assertThrows(IOException.class, () -> YoloDataset.splitOrRoot(root, "valid", "test"));
        assertTrue(e.getMessage().contains("valid"));
    }

    /** Every label file of the shared dataset parses (data test: skipped without ../shared). */
    @Test
    void sharedTrashbagsLabelsParse() throws IOException {
        Path ds = SharedPaths.trashbags();
        assumeTrue(Files.isDirectory(ds), "skipped: shared dataset not found at " + ds + " (set XUNCHA_SHARED)");
        int boxes = 0;
        for (String s : List.of("train", "valid", "test")) {
            for (LabeledImage li : YoloDataset.split(ds.resolve(s))) boxes += YoloDataset.boxes(li, 640, 640).size();
        }
        assertTrue(boxes > 5000, "boxes " + boxes);
    }
}
