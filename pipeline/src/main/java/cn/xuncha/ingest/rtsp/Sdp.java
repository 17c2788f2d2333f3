package cn.xuncha.ingest.rtsp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The first video stream of a DESCRIBE answer: its codec, control URL and the parameter sets (SPS/PPS, and VPS for
 * H.265) announced in the fmtp line, decoded from base64.
 */
public record Sdp(String codec, int payloadType, String control, List<byte[]> parameterSets) {

    /** Codecs the built-in client depacketizes; anything else goes to FFmpeg's demuxer. */
    public boolean supported() {
        return "H264".equals(codec) || "H265".equals(codec);
    }

    public static Sdp parse(String text) {
        boolean inVideo = false;
        int pt = -1;
        String codec = null, control = null, fmtp = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                if (inVideo) break; // only the first video stream
                inVideo = line.startsWith("m=video");
                if (inVideo) {
                    String[] f = line.split("\\s+");
                    pt = f.length > 3 ? parseInt(f[3]) : -1;
                }
            } else if (inVideo && line.startsWith("a=rtpmap:" + pt + " ")) {
                codec = line.substring(line.indexOf(' ') + 1).split("/")[0].toUpperCase(Locale.ROOT);
            } else if (inVideo && line.startsWith("a=fmtp:" + pt + " ")) {
                fmtp = line.substring(line.indexOf(' ') + 1);
            } else if (inVideo && line.startsWith("a=control:")) {
                control = line.substring("a=control:".length()).trim();
            }
        }
        if (pt < 0) throw new IllegalArgumentException("the camera's SDP has no video stream");
        if ("HEVC".equals(codec)) codec = "H265";
        return new Sdp(codec == null ? "unknown" : codec, pt, control, parameterSets(fmtp));
    }

    private static List<byte[]> parameterSets(String fmtp) {
        List<byte[]> sets = new ArrayList<>();
        if (fmtp == null) return sets;
        for (String kv : fmtp.split(";")) {
            String[] p = kv.trim().split("=", 2);
            if (p.length < 2) continue;
            String key = p[0].trim().toLowerCase(Locale.ROOT);
            if (!key.equals("sprop-parameter-sets") && !key.equals("sprop-vps") && !key.equals("sprop-sps")
                    && !key.equals("sprop-pps")) continue;
            for (String b64 : p[1].split(",")) {
                try {
                    if (!b64.isBlank()) sets.add(Base64.getDecoder().decode(b64.trim()));
                } catch (IllegalArgumentException e) {
                    // a malformed set is skipped: in-band parameter sets still arrive with every keyframe
                }
            }
        }
        return sets;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
