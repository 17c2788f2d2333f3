package cn.xuncha.review;

import java.util.Base64;

/** Validates an uploaded rectification photo: base64 of a JPEG (sniffed from its magic bytes, not its name) of bounded size. */
public final class PhotoCheck {
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private PhotoCheck() {}

    /** The decoded JPEG bytes; IllegalArgumentException saying what is wrong otherwise. */
    public static byte[] jpeg(String base64) {
        // base64 grows 4/3: refuse before decoding anything huge
        if (base64.length() > (MAX_BYTES / 3 + 1) * 4) throw new IllegalArgumentException("photo is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        byte[] b;
        try {
            b = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("photo must be base64-encoded JPEG bytes");
        }
        if (b.length > MAX_BYTES) throw new IllegalArgumentException("photo is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8 || (b[2] & 0xff) != 0xFF) {
            throw new IllegalArgumentException("photo must be a JPEG image (got " + sniff(b) + ")");
        }
        return b;
    }

    private static String sniff(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "PNG";
        if (b.length >= 3 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') return "GIF";
        if (b.length >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') return "PDF";
        return b.length == 0 ? "an empty file" : "an unknown file type";
    }
}
