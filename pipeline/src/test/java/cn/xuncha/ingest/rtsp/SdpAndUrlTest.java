package cn.xuncha.ingest.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SdpAndUrlTest {
    @Test
    void h265WithSeparateParameterSets() {
        Sdp sdp = Sdp.parse("v=0\nm=video 0 RTP/AVP 98\na=rtpmap:98 H265/90000\n"
                + "a=fmtp:98 sprop-vps=QAEMAf//; sprop-sps=QgEBAWA=; sprop-pps=RAHA8vA=\na=control:trackID=1\n");
        assertEquals("H265", sdp.codec());
        assertEquals(3, sdp.parameterSets().size());
        assertEquals("trackID=1", sdp.control());
        assertTrue(sdp.supported());
    }

    @Test
    void otherCodecsAreNotSupportedAndAudioOnlyIsAnError() {
        assertFalse(Sdp.parse("m=video 0 RTP/AVP 26\na=rtpmap:26 JPEG/90000\n").supported());
        assertThrows(IllegalArgumentException.class, () -> Sdp.parse("m=audio 0 RTP/AVP 0\n"));
    }

    @Test
    void urlKeepsCredentialsOutOfTheRequestUri() {
        RtspUrl u = RtspUrl.parse("rtsp://admin:p%40ss@10.0.0.5/Streaming/Channels/101?transport=tcp");
        assertEquals("10.0.0.5", u.host());
        assertEquals(554, u.port());
        assertEquals("rtsp://10.0.0.5:554/Streaming/Channels/101?transport=tcp", u.requestUri());
        assertEquals("p@ss", u.password());
        assertEquals(u.requestUri(), u.toString());
        assertNull(RtspUrl.parse("rtsp://cam:8554/x").user());
    }

    @Test
    void controlUrlsResolveAgainstTheBase() {
        assertEquals("rtsp://h/live/track1", RtspUrl.resolve("rtsp://h/live/", "track1"));
        assertEquals("rtsp://h/live/track1", RtspUrl.resolve("rtsp://h/live", "track1"));
        assertEquals("rtsp://h/other", RtspUrl.resolve("rtsp://h/live", "rtsp://h/other"));
        assertEquals("rtsp://h/live", RtspUrl.resolve("rtsp://h/live", "*"));
    }
}
