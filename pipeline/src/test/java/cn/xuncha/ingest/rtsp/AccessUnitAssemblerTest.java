package cn.xuncha.ingest.rtsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessUnitAssemblerTest {
    private static final byte[] SPS = RtpPackets.nal(0x67, 12, 1), PPS = RtpPackets.nal(0x68, 5, 2);
    private static final byte[] IDR = RtpPackets.nal(0x65, 3000, 3), P1 = RtpPackets.nal(0x41, 400, 4), P2 = RtpPackets.nal(0x41, 2500, 5);

    private record Unit(byte[] data, boolean keyframe) {}

    private final List<Unit> units = new ArrayList<>();

    private AccessUnitAssembler assembler(String codec, List<byte[]> sdpSets) {
        return new AccessUnitAssembler(codec, sdpSets, (b, len, key) -> units.add(new Unit(Arrays.copyOf(b, len), key)));
    }

    /** A GOP as rtph264pay sends it: STAP-A with the parameter sets, the IDR in FU-A fragments, two P frames. */
    private static RtpPackets gop(RtpPackets r, long ts) {
        return r.stapA(ts, SPS, PPS).fuA(ts, true, IDR, 1000).single(ts + 3600, true, P1).fuA(ts + 7200, true, P2, 1000);
    }

    private static void feed(AccessUnitAssembler a, RtpPackets r) throws Exception {
        for (byte[] p : r.packets()) a.packet(p, 0, p.length);
    }

    private static byte[] annexB(byte[]... nals) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] n : nals) {
            b.writeBytes(new byte[] {0, 0, 0, 1});
            b.writeBytes(n);
        }
        return b.toByteArray();
    }

    @Test
    void keyframeOnlyModeKeepsTheKeyframeWithItsParameterSetsAndDropsTheRest() throws Exception {
        AccessUnitAssembler a = assembler("H264", List.of());
        feed(a, gop(gop(new RtpPackets(), 0), 90000));
        assertEquals(2, units.size());
        assertTrue(units.get(0).keyframe());
        // parameter sets stored from the STAP-A go in front, then the unit itself (which carried them too)
        assertArrayEquals(annexB(SPS, PPS, SPS, PPS, IDR), units.get(0).data());
    }

    @Test
    void keyframesThatAreNotWantedAreDroppedToo() throws Exception {
        AccessUnitAssembler a = assembler("H264", List.of());
        a.wantKeyframe(false);
        feed(a, gop(new RtpPackets(), 0));
        assertTrue(units.isEmpty());
    }

    @Test
    void everyFrameModeStartsAtAKeyframeAndKeepsAllUnits() throws Exception {
        AccessUnitAssembler a = assembler("H264", List.of(SPS, PPS));
        a.everyFrame(true);
        RtpPackets r = new RtpPackets().single(0, true, P1); // joined mid-GOP: nothing to decode it against
        feed(a, gop(r, 3600));
        assertEquals(List.of(true, false, false), units.stream().map(Unit::keyframe).toList());
        assertArrayEquals(annexB(P1), units.get(1).data());
        assertArrayEquals(annexB(P2), units.get(2).data());
    }

    @Test
    void aLostPacketDropsTheDamagedUnitAndEveryFrameModeWaitsForTheNextKeyframe() throws Exception {
        AccessUnitAssembler a = assembler("H264", List.of(SPS, PPS));
        a.everyFrame(true);
        RtpPackets r = new RtpPackets().stapA(0, SPS, PPS).fuA(0, true, Arrays.copyOf(IDR, 1500), 1000);
        r.packets().remove(1); // first IDR fragment lost
        r.single(3600, true, P1);
        feed(a, gop(r, 7200));
        assertEquals(List.of(true, false, false), units.stream().map(Unit::keyframe).toList(), "P1 after the gap is dropped");
        assertArrayEquals(annexB(SPS, PPS, SPS, PPS, IDR), units.get(0).data());
    }

    @Test
    void unitsEndAtATimestampChangeWhenTheMarkerIsMissing() throws Exception {
        AccessUnitAssembler a = assembler("H264", List.of(SPS, PPS));
        feed(a, new RtpPackets().single(0, false, IDR).single(3600, false, P1).single(7200, false, IDR));
        assertEquals(1, units.size(), "the second keyframe is still open");
        assertArrayEquals(annexB(SPS, PPS, IDR), units.get(0).data());
    }

    @Test
    void h265FragmentsAndParameterSetsFromTheSdp() throws Exception {
        byte[] vps = {0x40, 0x01, 1, 2}, sps = {0x42, 0x01, 3, 4}, pps = {0x44, 0x01, 5};
        byte[] idr = RtpPackets.nal(0x26, 2000, 7); // IDR_W_RADL (19) << 1
        idr[1] = 0x01;
        byte[] trail = RtpPackets.nal(0x02, 300, 8); // TRAIL_R (1) << 1
        trail[1] = 0x01;
        AccessUnitAssembler a = assembler("H265", List.of(vps, sps, pps));
        feed(a, new RtpPackets().fu265(0, true, idr, 700).single(3000, true, trail));
        assertEquals(1, units.size());
        assertTrue(units.get(0).keyframe());
        assertArrayEquals(annexB(vps, sps, pps, idr), units.get(0).data());
    }

    @Test
    void garbageIsIgnored() throws Exception {
        AccessUnitAssembler a = assembler("H264", List.of());
        a.packet(new byte[5], 0, 5);
        a.packet(new byte[40], 0, 40); // version 0
        assertFalse(units.iterator().hasNext());
    }
}
