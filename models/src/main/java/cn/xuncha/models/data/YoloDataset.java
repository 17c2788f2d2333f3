package cn.xuncha.models.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds image/label pairs in a YOLO split folder (images/, labels/) or a dataset root with split folders. */
public final class YoloDataset {

    private YoloDataset() {}

    /** Images of one split folder containing images/ (labels/ optional: missing label = no object). */
    public static List<LabeledImage> split(Path splitDir) throws IOException {
        Path images = splitDir.resolve("images");
        if (!Files.isDirectory(images)) {
            throw new IOException("missing YOLO images folder: " + images.toAbsolutePath());
        }
        Path labels = splitDir.resolve("labels");
        List<LabeledImage> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(images)) {
            for (Path img : s.filter(YoloDataset::isImage).sorted().toList()) {
                String name = img.getFileName().toString();
                String base = name.substring(0, name.lastIndexOf('.'));
                out.add(new LabeledImage(img, labels.resolve(base + ".txt")));
            }
        }
        return out;
    }

    /**
     * A split folder itself, or the named splits of a dataset root that exist (e.g. valid + test).
     * Fails naming the path when nothing usable is there.
     */
    public static List<LabeledImage> splitOrRoot(Path dir, String... rootSplits) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("missing dataset folder: " + dir.toAbsolutePath());
        if (Files.isDirectory(dir.resolve("images"))) return split(dir);
        List<LabeledImage> out = new ArrayList<>();
        for (String s : rootSplits) {
            if (Files.isDirectory(dir.resolve(s).resolve("images"))) out.addAll(split(dir.resolve(s)));
        }
        if (out.isEmpty()) {
            throw new IOException("no YOLO split under " + dir.toAbsolutePath() + " (expected images/ or "
                    + String.join("/, ", rootSplits) + "/ with images/)");
        }
        return out;
    }

    public static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp");
    }

    /** Labels of an image in pixels; an absent label file counts as no object. */
    public static List<PixelBox> boxes(LabeledImage li, int width, int height) throws IOException {
        if (li.labels() == null || !Files.exists(li.labels())) return List.of();
        return YoloLabelParser.parse(li.labels()).stream().map(l -> l.toPixels(width, height))
                .filter(b -> b.w() >= 2 && b.h() >= 2).toList();
    }
}
