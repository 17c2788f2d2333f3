package cn.xuncha.models.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reviewer feedback: DIR/labels.csv with header {@code file,label,category}; label 1 = confirmed, 0 = dismissed. */
public final class ReviewSet {

    /** One reviewed crop. */
    public record Item(Path file, int label, String category) {}

    private ReviewSet() {}

    public static List<Item> read(Path dir) throws IOException {
        Path csv = dir.resolve("labels.csv");
        if (!Files.isRegularFile(csv)) throw new MissingDataException(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals("file,label,category")) {
            throw new IOException(csv + ": first line must be the header 'file,label,category'");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String[] t = line.split(",", -1);
            if (t.length < 2) throw new IOException(csv + ":" + (i + 1) + ": expected file,label,category");
            String label = t[1].strip();
            if (!label.equals("0") && !label.equals("1")) {
                throw new IOException(csv + ":" + (i + 1) + ": label must be 0 or 1, got '" + label + "'");
            }
            Path file = dir.resolve(t[0].strip());
            if (!Files.isRegularFile(file)) throw new IOException(csv + ":" + (i + 1) + ": missing crop " + file);
            items.add(new Item(file, Integer.parseInt(label), t.length > 2 ? t[2].strip() : ""));
        }
        if (items.isEmpty()) throw new IOException(csv + ": no reviewed crops listed");
        return items;
    }
}
