package cn.xuncha.models.data;

import java.nio.file.Path;

/** An image file with its label file (which may be absent or empty: no object). */
public record LabeledImage(Path image, Path labels) {}
