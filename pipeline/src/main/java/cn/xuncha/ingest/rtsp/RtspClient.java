package cn.xuncha.ingest.rtsp;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal RTSP client for cameras: DESCRIBE (answering a 401 once with the URL's credentials, Basic or Digest),
 * SETUP of the first video stream as RTP interleaved over the same TCP connection, PLAY, then packets and periodic
 * keep-alives. The SDP is available before SETUP so an unsupported codec can be handed elsewhere.
 */
public final class RtspClient implements AutoCloseable {
    private static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(60);

    private final RtspUrl url;
    private final RtspConnection conn = new RtspConnection();
    private RtspAuth auth;
    private String base;
    private Sdp sdp;
    private String session;
    private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
    private int videoChannel;
    private long lastKeepAlive;
    private final int[] len = new int[1]; // out-parameter of readPacket, reused: this runs for every RTP packet

    public RtspClient(RtspUrl url) {
        this.url = url;
        this.base = url.requestUri();
    }

    /** Connects and describes the stream; throws {@link RtspStatusException} on an error answer. */
    public Sdp describe(Duration timeout, ReadPause pause) throws IOException {
        conn.connect(url.host(), url.port(), timeout, pause);
        RtspResponse r = conn.request("DESCRIBE", url.requestUri(), headers("DESCRIBE", url.requestUri(), Map.of("Accept", "application/sdp")));
        if (r.status() == 401 && url.hasCredentials()) {
            auth = RtspAuth.forChallenge(url.user(), url.password(), r.header("www-authenticate"));
            r = conn.request("DESCRIBE", url.requestUri(), headers("DESCRIBE", url.requestUri(), Map.of("Accept", "application/sdp")));
        }
        check("DESCRIBE", r);
        if (r.header("content-base") != null) base = r.header("content-base");
        else if (r.header("content-location") != null) base = r.header("content-location");
        sdp = Sdp.parse(r.bodyText());
        return sdp;
    }

    /** SETUP and PLAY; from then on reads wait at most stallTimeout and are batched. */
    public void play(Duration stallTimeout) throws IOException {
        String track = RtspUrl.resolve(base, sdp.control());
        RtspResponse r = conn.request("SETUP", track, headers("SETUP", track, Map.of("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")));
        check("SETUP", r);
        parseSession(r.header("session"));
        videoChannel = interleavedChannel(r.header("transport"));
        String playUri = base;
        r = conn.request("PLAY", playUri, headers("PLAY", playUri, Map.of("Range", "npt=0.000-")));
        check("PLAY", r);
        lastKeepAlive = System.nanoTime();
        conn.streaming(stallTimeout);
    }

    /**
     * Reads packets until one of the video stream's RTP arrives; copies it into buf (65535 bytes) and returns its
     * length. Sends a keep-alive when half the session timeout has passed.
     */
    public int readVideoPacket(byte[] buf) throws IOException {
        while (true) {
            keepAliveIfDue();
            if (conn.readPacket(buf, len) == videoChannel) return len[0];
        }
    }

    public long bytesRead() {
        return conn.bytesRead();
    }

    private void keepAliveIfDue() throws IOException {
        if (System.nanoTime() - lastKeepAlive < sessionTimeout.toNanos() / 2) return;
        lastKeepAlive = System.nanoTime();
        conn.send("OPTIONS", base, headers("OPTIONS", base, Map.of())); // answer consumed in-stream
    }

    private Map<String, String> headers(String method, String uri, Map<String, String> extra) {
        Map<String, String> h = new LinkedHashMap<>(extra);
        if (session != null) h.put("Session", session);
        if (auth != null) h.put("Authorization", auth.header(method, uri));
        return h;
    }

    private void parseSession(String header) {
        if (header == null) return;
        String[] parts = header.split(";");
        session = parts[0].trim();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.toLowerCase(java.util.Locale.ROOT).startsWith("timeout=")) {
                try {
                    sessionTimeout = Duration.ofSeconds(Math.max(10, Integer.parseInt(p.substring(8).trim())));
                } catch (NumberFormatException e) {
                    // keep the default
                }
            }
        }
    }

    private static int interleavedChannel(String transport) {
        if (transport == null) return 0;
        for (String p : transport.split(";")) {
            if (p.trim().startsWith("interleaved=")) {
                try {
                    return Integer.parseInt(p.trim().substring(12).split("-")[0]);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static void check(String method, RtspResponse r) throws RtspStatusException {
        if (!r.ok()) throw new RtspStatusException(method, r.status(), r.reason());
    }

    @Override
    public void close() {
        conn.close();
    }
}
