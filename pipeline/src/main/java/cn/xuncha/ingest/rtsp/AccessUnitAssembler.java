package cn.xuncha.ingest.rtsp;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds Annex-B access units from RTP packets (single NAL units, STAP-A/AP aggregates, FU-A/FU fragments). The
 * decision to keep an access unit is taken at its first slice: in keyframe-only mode every other frame is dropped
 * there, so its payload is never copied. A sequence gap drops the damaged unit and, in every-frame mode, waits for
 * the next keyframe. Parameter sets seen (from the SDP and in-band) are put in front of every keyframe.
 */
public final class AccessUnitAssembler {
    /** Receives complete access units; the array is reused after the call returns. */
    public interface Sink {
        void accessUnit(byte[] annexB, int length, boolean keyframe) throws IOException;
    }

    private enum Decision { UNDECIDED, KEEP, DROP }

    private final NalCodec codec;
    private final Sink sink;
    private final Map<Integer, byte[]> parameterSets = new TreeMap<>(); // by NAL type: VPS, SPS, PPS in order
    private final ByteSink unit = new ByteSink();
    private final ByteSink out = new ByteSink();
    private boolean everyFrame;
    private boolean wantKeyframe = true;
    private boolean synced;
    private Decision decision = Decision.UNDECIDED;
    private boolean keyframe, damaged, fragmentOpen, started;
    private long timestamp;
    private int lastSeq = -1;

    public AccessUnitAssembler(String sdpCodec, List<byte[]> sdpParameterSets, Sink sink) {
        this.codec = NalCodec.forSdp(sdpCodec);
        this.sink = sink;
        for (byte[] ps : sdpParameterSets) if (ps.length >= codec.headerBytes) parameterSets.put(codec.type(ps, 0), ps);
    }

    /** Every frame (true) or keyframes only (false). */
    public void everyFrame(boolean all) {
        this.everyFrame = all;
    }

    /** In keyframe-only mode: whether the next keyframe is wanted (a sample is due) or can be dropped as well. */
    public void wantKeyframe(boolean want) {
        this.wantKeyframe = want;
    }

    /** One RTP packet (header included). */
    public void packet(byte[] p, int off, int len) throws IOException {
        if (len < 12 || (p[off] & 0xc0) != 0x80) return;
        int csrc = p[off] & 0x0f;
        boolean marker = (p[off + 1] & 0x80) != 0;
        int seq = ((p[off + 2] & 0xff) << 8) | (p[off + 3] & 0xff);
        long ts = ((p[off + 4] & 0xffL) << 24) | ((p[off + 5] & 0xff) << 16) | ((p[off + 6] & 0xff) << 8) | (p[off + 7] & 0xff);
        int start = off + 12 + 4 * csrc, end = off + len;
        if ((p[off] & 0x10) != 0 && start + 4 <= end) start += 4 + 4 * (((p[start + 2] & 0xff) << 8) | (p[start + 3] & 0xff));
        if ((p[off] & 0x20) != 0 && end > start) end -= p[end - 1] & 0xff;
        boolean gap = lastSeq >= 0 && seq != ((lastSeq + 1) & 0xffff);
        if (gap) lost(); // the unit in progress may have lost its tail...
        if (started && ts != timestamp) finish();
        if (gap) lost(); // ...and the new one its head
        lastSeq = seq;
        started = true;
        timestamp = ts;
        if (end - start >= codec.headerBytes) payload(p, start, end - start);
        if (marker) finish();
    }

    private void payload(byte[] p, int off, int len) {
        int type = codec.type(p, off);
        if (type == codec.aggregateType) {
            for (int i = off + codec.headerBytes; i + 2 <= off + len; ) {
                int size = ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
                i += 2;
                if (size < codec.headerBytes || i + size > off + len) break;
                nal(p, i, size);
                i += size;
            }
        } else if (type == codec.fragmentType) {
            fragment(p, off, len);
        } else {
            nal(p, off, len);
        }
    }

    private void nal(byte[] p, int off, int len) {
        int type = codec.type(p, off);
        if (codec.parameterSet(type)) parameterSets.put(type, Arrays.copyOfRange(p, off, off + len));
        if (keep(type)) {
            unit.startCode();
            unit.put(p, off, len);
        }
    }

    private void fragment(byte[] p, int off, int len) {
        int h = codec.fragmentHeaderBytes();
        if (len <= h) return;
        int flags = codec.fragmentFlags(p, off);
        if ((flags & 0x80) != 0) {
            fragmentOpen = keep(codec.fragmentType(p, off));
            if (fragmentOpen) {
                unit.startCode();
                codec.writeFragmentedHeader(p, off, unit);
            }
        }
        if (fragmentOpen) unit.put(p, off + h, len - h);
        if ((flags & 0x40) != 0) fragmentOpen = false;
    }

    /** Whether a NAL of this type goes into the unit; the unit's first slice decides for the whole unit. */
    private boolean keep(int type) {
        if (decision == Decision.UNDECIDED && codec.vcl(type)) {
            keyframe = codec.keyframe(type);
            boolean wanted = keyframe ? (everyFrame || wantKeyframe) : (everyFrame && synced);
            decision = wanted && !damaged ? Decision.KEEP : Decision.DROP;
        }
        return decision != Decision.DROP;
    }

    private void lost() {
        damaged = true;
        fragmentOpen = false;
        synced = false;
    }

    private void finish() throws IOException {
        boolean emit = decision == Decision.KEEP && !damaged;
        ByteSink done = unit;
        if (emit && keyframe) { // parameter sets in front: only keyframes pay for a second copy
            out.reset();
            for (byte[] ps : parameterSets.values()) {
                out.startCode();
                out.put(ps, 0, ps.length);
            }
            out.put(unit.array(), 0, unit.size());
            done = out;
            synced = true;
        }
        decision = Decision.UNDECIDED;
        damaged = fragmentOpen = started = false;
        try {
            if (emit) sink.accessUnit(done.array(), done.size(), keyframe);
        } finally {
            unit.reset();
        }
    }
}
