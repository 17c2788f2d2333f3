package cn.xuncha.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import cn.xuncha.models.Detection;
import cn.xuncha.models.DetectionResult;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ImageDetector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xuncha detect [--json] IMAGE...}: single-image garbage detection, one result (JSON line) per image. */
@Command(name = "detect", description = "Find garbage in photos (no reference background); --json gives one JSON line per image.")
public final class DetectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "one JSON line per image: {image, score, detections:[{category, score, box:[x,y,w,h]}]}")
    boolean json;

    @Option(names = "--threshold", paramLabel = "P", description = ModelOption.THRESHOLD_HELP)
    Double threshold;

    @Mixin
    ModelOption model;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        return DataStdout.run(this::detectAll);
    }

    private Integer detectAll() throws Exception {
        try (GarbageClassifier clf = model.load()) {
            ImageDetector chosen = model.detector(clf);
            ImageDetector detector = threshold == null ? chosen : chosen.withThreshold(threshold);
            int errors = 0;
            for (String image : images) {
                ObjectNode line = detectOne(detector, image);
                if (line.has("error")) errors++;
                out.println(json ? JSON.writeValueAsString(line) : human(line));
                out.flush();
            }
            return errors == images.size() ? 1 : 0;
        }
    }

    /** Why this argument cannot be read as an image file, or null if it can be tried. */
    static String unusablePath(String image) {
        Path p;
        try {
            p = Path.of(image);
        } catch (InvalidPathException e) {
            // a non-ASCII name under a non-UTF-8 locale (LANG unset); the launcher sets C.UTF-8 but java may be run directly
            return "not a usable file path (" + e.getReason() + "; run with a UTF-8 locale, e.g. LANG=C.UTF-8)";
        }
        if (Files.isDirectory(p)) return "is a directory, not an image file";
        if (!Files.isRegularFile(p)) return "no such file";
        if (!Files.isReadable(p)) return "not readable (permissions)";
        return null;
    }

    private static ObjectNode detectOne(ImageDetector detector, String image) {
        ObjectNode line = JSON.createObjectNode().put("image", image);
        String unusable = unusablePath(image);
        if (unusable != null) return line.put("error", unusable);
        try (Mat img = imread(image)) {
            if (img == null || img.empty()) return line.put("error", "unreadable image (not a decodable JPEG/PNG/BMP)");
            DetectionResult r = detector.detect(img);
            line.put("score", round(r.maxScore()));
            ArrayNode dets = line.putArray("detections");
            for (Detection d : r.detections()) {
                ObjectNode o = dets.addObject().put("category", d.category()).put("score", round(d.score()));
                ArrayNode box = o.putArray("box");
                for (int v : d.box().toIntArray()) box.add(v);
            }
            return line;
        } catch (RuntimeException e) {
            return line.put("error", "detection failed: " + e.getMessage());
        }
    }

    private static String human(ObjectNode line) {
        if (line.has("error")) return line.get("image").asText() + ": ERROR " + line.get("error").asText();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: score %.3f, %d detection(s)",
                line.get("image").asText(), line.get("score").asDouble(), line.get("detections").size()));
        line.get("detections").forEach(d -> sb.append(String.format(Locale.ROOT, "%n  %-16s %.3f %s",
                d.get("category").asText(), d.get("score").asDouble(), d.get("box").toString())));
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
