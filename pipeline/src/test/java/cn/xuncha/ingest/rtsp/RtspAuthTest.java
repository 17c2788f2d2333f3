package cn.xuncha.ingest.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RtspAuthTest {
    @Test
    void basic() {
        assertEquals("Basic cGF0cm9sOnMzY3JldA==", RtspAuth.forChallenge("patrol", "s3cret", "Basic realm=\"cam\"").header("DESCRIBE", "rtsp://h/x"));
    }

    @Test
    void digestWithQopAuthCountsNonces() {
        RtspAuth auth = RtspAuth.forChallenge("admin", "pw", "Digest realm=\"IP Camera\", nonce=\"n0\", qop=\"auth\", opaque=\"op\"");
        String first = auth.header("DESCRIBE", "rtsp://h/x");
        String second = auth.header("SETUP", "rtsp://h/x/track1");
        Matcher m = Pattern.compile("cnonce=\"([^\"]+)\", response=\"([0-9a-f]+)\"").matcher(first);
        assertTrue(m.find(), first);
        String expected = RtspAuth.md5(RtspAuth.md5("admin:IP Camera:pw") + ":n0:00000001:" + m.group(1) + ":auth:"
                + RtspAuth.md5("DESCRIBE:rtsp://h/x"));
        assertEquals(expected, m.group(2));
        assertTrue(first.contains("nc=00000001") && first.endsWith("opaque=\"op\""), first);
        assertTrue(second.contains("nc=00000002"), second);
    }
}
