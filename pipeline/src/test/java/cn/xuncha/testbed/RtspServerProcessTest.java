package cn.xuncha.testbed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtspServerProcessTest {
    @Test
    void missingGstreamerBindingsNameTheDebianPackages() {
        String noGi = "Traceback (most recent call last):\n  File \"rtsp-server.py\", line 25\nModuleNotFoundError: No module named 'gi'\n";
        String noRtsp = "ValueError: Namespace GstRtspServer not available\n";
        for (String out : new String[] {noGi, noRtsp}) {
            String msg = RtspServerProcess.explain(out, 1);
            assertTrue(msg.contains("apt-get install python3-gi gir1.2-gst-rtsp-server-1.0"), msg);
            assertTrue(msg.contains(out), "the original output is kept: " + msg);
        }
    }

    @Test
    void otherFailuresQuoteTheExitStatusAndOutput() {
        String msg = RtspServerProcess.explain("rtsp-server: cannot listen on 127.0.0.1:8554\n", 1);
        assertTrue(msg.contains("status 1") && msg.contains("cannot listen on 127.0.0.1:8554"), msg);
        assertFalse(msg.contains("apt-get"), msg);
    }

    @Test
    void theServerScriptIsFoundFromTheModuleDirectory() {
        assertTrue(Scripts.rtspServer().endsWith("scripts/rtsp-server.py"));
    }
}
