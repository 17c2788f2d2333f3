package cn.xuncha.analysis;

/**
 * JPEG evidence for a finding: the frame with the box drawn, the crop, and the reference ("before") view.
 * Any part may be null when not available (e.g. no reference in single-image mode).
 */
public record Evidence(byte[] frameJpeg, byte[] cropJpeg, byte[] referenceJpeg) {
    public static final Evidence NONE = new Evidence(null, null, null);
}
