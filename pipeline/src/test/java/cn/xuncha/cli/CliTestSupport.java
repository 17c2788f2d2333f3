package cn.xuncha.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.net.GarbageNet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine;

/** Synthetic images, an untrained model file and stdout/stderr capture for the command tests. */
final class CliTestSupport {

    record Run(int exit, String out, String err) {}

    private CliTestSupport() {}

    static Path writeImage(Path file, int w, int h, long seed) {
        try (Mat m = new Mat(h, w, opencv_core.CV_8UC3)) {
            byte[] px = new byte[w * h * 3];
            new java.util.Random(seed).nextBytes(px);
            m.data().put(px);
            imwrite(file.toString(), m);
        }
        return file;
    }
    /** An untrained model whose detection threshold is low enough that it always reports boxes. */
    static Path untrainedModel(Path dir, double detectionThreshold) throws IOException {
        ModelMetadata md = new ModelMetadata(List.of("background", "garbage"), GarbageNet.INPUT, 1.25, 0.5,
                detectionThreshold, "sha256:test", Map.of(), Map.of());
        Path zip = dir.resolve("m.zip");
        try (GarbageClassifier c = new GarbageClassifier(GarbageNet.create(4, 1e-3), md)) {
            ModelFiles.write(c, zip);
        }
        return zip;
    }

    static Run run(Object command, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            if (command instanceof DetectCommand d) d.out = System.out;
            int exit = new CommandLine(command).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
