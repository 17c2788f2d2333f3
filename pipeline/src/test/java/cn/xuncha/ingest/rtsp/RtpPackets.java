package cn.xuncha.ingest.rtsp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Builds RTP packets the way a camera's payloader does, for tests. */
final class RtpPackets {
    private int seq = 1000;
    private final List<byte[]> packets = new ArrayList<>();

    List<byte[]> packets() {
        return packets;
    }

    /** Skips a sequence number, as if a packet was lost. */
    RtpPackets lose() {
        seq++;
        return this;
    }

    RtpPackets single(long ts, boolean marker, byte[] nal) {
        packets.add(rtp(ts, marker, nal));
        return this;
    }

    /** H.264 STAP-A of the given NAL units. */
    RtpPackets stapA(long ts, byte[]... nals) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(24);
        for (byte[] n : nals) {
            b.write(n.length >> 8);
            b.write(n.length & 0xff);
            b.writeBytes(n);
        }
        packets.add(rtp(ts, false, b.toByteArray()));
        return this;
    }

    /** H.264 FU-A fragments of one NAL unit, chunk payload bytes each. */
    RtpPackets fuA(long ts, boolean marker, byte[] nal, int chunk) {
        for (int off = 1; off < nal.length; off += chunk) {
            int len = Math.min(chunk, nal.length - off);
            byte[] p = new byte[2 + len];
            p[0] = (byte) ((nal[0] & 0xe0) | 28);
            p[1] = (byte) ((nal[0] & 0x1f) | (off == 1 ? 0x80 : 0) | (off + len >= nal.length ? 0x40 : 0));
            System.arraycopy(nal, off, p, 2, len);
            packets.add(rtp(ts, marker && off + len >= nal.length, p));
        }
        return this;
    }

    /** H.265 FU fragments of one NAL unit (2-byte header). */
    RtpPackets fu265(long ts, boolean marker, byte[] nal, int chunk) {
        int type = (nal[0] >> 1) & 0x3f;
        for (int off = 2; off < nal.length; off += chunk) {
            int len = Math.min(chunk, nal.length - off);
            byte[] p = new byte[3 + len];
            p[0] = (byte) ((nal[0] & 0x81) | (49 << 1));
            p[1] = nal[1];
            p[2] = (byte) (type | (off == 2 ? 0x80 : 0) | (off + len >= nal.length ? 0x40 : 0));
            System.arraycopy(nal, off, p, 3, len);
            packets.add(rtp(ts, marker && off + len >= nal.length, p));
        }
        return this;
    }

    static byte[] nal(int header, int size, int fill) {
        byte[] n = new byte[size];
        n[0] = (byte) header;
        for (int i = 1; i < size; i++) n[i] = (byte) (fill + i);
        return n;
    }

    private byte[] rtp(long ts, boolean marker, byte[] payload) {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | 96);
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        seq = (seq + 1) & 0xffff;
        for (int i = 0; i < 4; i++) p[4 + i] = (byte) (ts >> (24 - 8 * i));
        System.arraycopy(payload, 0, p, 12, payload.length);
        return p;
    }
}
