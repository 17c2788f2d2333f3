package cn.xuncha.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.testbed.LocalRtspServer;
import java.time.Duration;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Codecs other than the clips' H.264 through the RTSP path, end to end: H.265 (GStreamer encodes a live test pattern
 * with x265, rtph265pay sends fragmentation units with parameter sets in the SDP and in-band; the built-in client
 * depacketizes, FFmpeg decodes) — Chinese point cameras often stream H.265 — and VP8-over-RTSP, which the built-in
 * client hands to FFmpeg's demuxer.
 */
class RtspCodecsIT {
    private static final String PIPELINE = "videotestsrc is-live=true pattern=smpte ! video/x-raw,width=640,height=360,framerate=25/1"
            + " ! x265enc speed-preset=ultrafast tune=zerolatency key-int-max=25 ! rtph265pay name=pay0 pt=96 config-interval=-1";

    private static final String VP8 = "videotestsrc is-live=true pattern=smpte ! video/x-raw,width=640,height=360,framerate=10/1"
            + " ! vp8enc deadline=1 keyframe-max-dist=10 ! rtpvp8pay name=pay0 pt=97";

    private static SourceSettings settings(String url, boolean keyOnly) {
        return new SourceSettings("h265", "p", url, Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofSeconds(5), keyOnly, 1280);
    }

    @ParameterizedTest(name = "keyframesOnly={0}")
    @ValueSource(booleans = {true, false})
    void h265StreamGivesDecodedSamples(boolean keyOnly) throws Exception {
        try (LocalRtspServer server = LocalRtspServer.builder().launch("/h265", PIPELINE).start();
                FrameSource src = FrameSources.create(settings(server.url("/h265"), keyOnly))) {
            assertTrue(src instanceof RtspSource, "rtsp:// goes to the built-in client");
            src.open();
            assertTrue(((RtspSource) src).builtIn(), "H.265 is depacketized by the built-in client, not handed to FFmpeg");
            assertPatternSamples(src);
        }
    }

    @Test
    void otherCodecsAreHandedToFfmpeg() throws Exception {
        try (LocalRtspServer server = LocalRtspServer.builder().launch("/vp8", VP8).start();
                FrameSource src = FrameSources.create(settings(server.url("/vp8"), true))) {
            src.open();
            assertFalse(((RtspSource) src).builtIn(), "VP8 goes to FFmpeg's demuxer");
            assertPatternSamples(src);
        }
    }

    /** Three samples of the SMPTE pattern at its own size: decoded pictures, not grey or black frames. */
    private static void assertPatternSamples(FrameSource src) throws Exception {
        for (int i = 0; i < 3; i++) {
            try (FrameSample s = src.next(); Mat gray = new Mat(); Mat mean = new Mat(); Mat dev = new Mat()) {
                assertEquals(640, s.image().cols());
                assertEquals(360, s.image().rows());
                cvtColor(s.image(), gray, COLOR_BGR2GRAY);
                meanStdDev(gray, mean, dev);
                double sd = dev.ptr(0).getDouble();
                assertTrue(sd > 20, "a test pattern, not a grey or black frame: stddev " + sd);
            }
        }
        assertTrue(src.bytesRead() > 0);
    }
}
