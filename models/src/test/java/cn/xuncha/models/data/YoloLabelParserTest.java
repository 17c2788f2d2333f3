package cn.xuncha.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloLabelParserTest {

    @Test
    void boxLineIsCentreAndSize() {
        YoloLabel l = YoloLabelParser.parseLine("1 0.5 0.25 0.2 0.1");
        assertEquals(1, l.classId());
        assertEquals(0.4, l.x(), 1e-9);
        assertEquals(0.2, l.y(), 1e-9);
        PixelBox b = l.toPixels(640, 480);
        assertEquals(256, b.x(), 1e-6);
        assertEquals(96, b.y(), 1e-6);
        assertEquals(128, b.w(), 1e-6);
        assertEquals(48, b.h(), 1e-6);
    }

    @Test
    void polygonBecomesItsBounds() {
        YoloLabel l = YoloLabelParser.parseLine("0 0.1 0.2 0.5 0.3 0.4 0.7 0.15 0.6");
        assertEquals(0.1, l.x(), 1e-9);
        assertEquals(0.2, l.y(), 1e-9);
        assertEquals(0.4, l.w(), 1e-9);
        assertEquals(0.5, l.h(), 1e-9);
    }

    @Test
    void polygonOutsideTheImageIsClipped() {
        YoloLabel l = YoloLabelParser.parseLine("0 -0.1 0.5 0.3 0.2 0.4 1.2");
        assertEquals(0, l.x(), 1e-9);
        assertEquals(0.4, l.w(), 1e-9);
        assertEquals(0.8, l.h(), 1e-9);
    }

    @Test
    void badLinesAreRejectedWithFileAndLine(@TempDir Path dir) throws IOException {
        assertThrows(IllegalArgumentException.class, () -> YoloLabelParser.parseLine("0 0.1 0.2"));
        assertThrows(IllegalArgumentException.class, () -> YoloLabelParser.parseLine("0 0.1 0.2 0.3 0.4 0.5 0.6 0.7"));
        assertThrows(IllegalArgumentException.class, () -> YoloLabelParser.parseLine("bag 0.1 0.2 0.3 0.4"));
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "0 0.5 0.5 0.2 0.2\n0 x 0.5 0.2 0.2\n");
        IOException e = assertThrows(IOException.class, () -> YoloLabelParser.parse(f));
        assertTrue(e.getMessage().contains("a.txt:2"), e.getMessage());
    }

    @Test
    void emptyFileMeansNoObject(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("e.txt");
        Files.writeString(f, "\n");
        assertEquals(List.of(), YoloLabelParser.parse(f));
    }
}
