package cn.xuncha.models.data;

/** A training/validation sample: interleaved BGR bytes of a square crop and its label (1 = garbage). */
public record Patch(byte[] bgr, int label) {}
