package cn.xuncha.models.boxes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a Darknet cfg: layer numbering, the channels routes and shortcuts give, and what a tail may read. */
class DarknetCfgTest {

    private static final String CFG = """
            [net]
            channels=3
            # a comment
            [convolutional]
            filters=8
            size=3
            stride=2
            pad=1
            batch_normalize=1
            activation=leaky

            [convolutional]
            filters = 8
            size=3
            groups=8
            pad=1
            activation=linear

            [shortcut]
            from=-2

            [route]
            layers = -1, 0

            [maxpool]
            size=5
            stride=1
            """;

    @Test
    void numbersLayersAsDarknetAndCountsTheirChannels(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("n.cfg"), CFG);
        DarknetCfg cfg = DarknetCfg.read(f);
        assertEquals(5, cfg.layers().size());
        assertEquals(List.of(1, 0), cfg.layer(2).sources(), "shortcut: the previous layer and from");
        assertEquals(List.of(2, 0), cfg.layer(3).sources(), "route: relative and absolute references");
        assertEquals(16, cfg.layer(3).outChannels());
        assertEquals(16, cfg.layer(4).outChannels());
        assertEquals(8 * 3 * 3, cfg.layer(1).kernelWeights(), "depthwise: one input channel per filter");
        assertEquals(8 * 3 * 3 * 3, cfg.layer(0).kernelWeights());
        assertTrue(cfg.layer(0).batchNormalized());
    }

    @Test
    void aTailThatReadsBeforeItsInputIsRefused(@TempDir Path tmp) throws IOException {
        DarknetCfg cfg = DarknetCfg.read(Files.writeString(tmp.resolve("n.cfg"), CFG));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DarknetTail(cfg, 2, 4));
        assertTrue(e.getMessage().contains("reads layer 0"), e.getMessage());
    }

    @Test
    void aFileWithoutANetSectionIsRefused(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.cfg"), "[convolutional]\nfilters=2\n");
        IOException e = assertThrows(IOException.class, () -> DarknetCfg.read(f));
        assertTrue(e.getMessage().contains("bad.cfg"), e.getMessage());
    }
}
