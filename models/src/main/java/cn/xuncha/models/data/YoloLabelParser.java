package cn.xuncha.models.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses YOLO label files: "class cx cy w h" boxes or "class x1 y1 x2 y2 ..." polygon segments (normalised).
 * An empty file means the image has no object.
 */
public final class YoloLabelParser {

    private YoloLabelParser() {}

    public static List<YoloLabel> parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<YoloLabel> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            try {
                out.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static YoloLabel parseLine(String line) {
        String[] t = line.strip().split("\\s+");
        if (t.length < 5) throw new IllegalArgumentException("expected 'class cx cy w h' or a polygon, got: " + line);
        int cls;
        double[] v = new double[t.length - 1];
        try {
            cls = Integer.parseInt(t[0]);
            for (int i = 1; i < t.length; i++) v[i - 1] = Double.parseDouble(t[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in label line: " + line);
        }
        if (v.length == 4) {
            return new YoloLabel(cls, clamp(v[0] - v[2] / 2), clamp(v[1] - v[3] / 2), v[2], v[3]);
        }
        if (v.length % 2 != 0 || v.length < 6) {
            throw new IllegalArgumentException("polygon needs an even number (>= 6) of coordinates, got " + v.length);
        }
        double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
        for (int i = 0; i < v.length; i += 2) {
            x0 = Math.min(x0, v[i]);
            x1 = Math.max(x1, v[i]);
            y0 = Math.min(y0, v[i + 1]);
            y1 = Math.max(y1, v[i + 1]);
        }
        x0 = clamp(x0); y0 = clamp(y0); x1 = clamp(x1); y1 = clamp(y1);
        return new YoloLabel(cls, x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
