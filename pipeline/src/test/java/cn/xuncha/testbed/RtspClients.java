package cn.xuncha.testbed;

import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Plain FFmpeg RTSP clients as the tests use them: TCP transport, socket timeout so a dead server cannot hang a test. */
final class RtspClients {
    private RtspClients() {}

    static FFmpegFrameGrabber grabber(String url) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        g.setOption("rtsp_transport", "tcp");
        g.setOption("timeout", "5000000");
        return g;
    }

    /** Without a socket timeout: used where a test wants to see a client block rather than time out. */
    static FFmpegFrameGrabber blockingGrabber(String url) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        g.setOption("rtsp_transport", "tcp");
        return g;
    }
}
