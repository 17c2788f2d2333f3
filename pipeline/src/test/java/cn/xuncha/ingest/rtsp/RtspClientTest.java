package cn.xuncha.ingest.rtsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client against a scripted camera on a local socket: Digest challenge, SETUP/PLAY, interleaved data. */
class RtspClientTest {
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=cam\r\nt=0 0\r\n"
            + "m=audio 0 RTP/AVP 0\r\na=control:track0\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z0IAKeKQ,aM48gA==\r\na=control:track1\r\n";

    /** Answers with the script's responses in order, recording every request it read. */
    private static CompletableFuture<List<String>> camera(ServerSocket server, byte[] afterPlay) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> requests = new ArrayList<>();
            try (Socket s = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < 4; i++) {
                    String req = readRequest(in);
                    requests.add(req);
                    String cseq = req.replaceAll("(?s).*CSeq: (\\d+).*", "$1");
                    String answer = switch (i) {
                        case 0 -> "RTSP/1.0 401 Unauthorized\r\nCSeq: " + cseq + "\r\n"
                                + "WWW-Authenticate: Basic realm=\"cam\"\r\n"
                                + "WWW-Authenticate: Digest realm=\"cam\", nonce=\"abc123\"\r\n\r\n";
                        case 1 -> "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nContent-Base: rtsp://127.0.0.1/live/\r\n"
                                + "Content-Type: application/sdp\r\nContent-Length: " + SDP.length() + "\r\n\r\n" + SDP;
                        case 2 -> "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nSession: 42;timeout=30\r\n"
                                + "Transport: RTP/AVP/TCP;unicast;interleaved=2-3\r\n\r\n";
                        default -> "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nSession: 42\r\n\r\n";
                    };
                    out.write(answer.getBytes(StandardCharsets.UTF_8));
                }
                out.write(afterPlay);
                out.flush();
                Thread.sleep(300);
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
            return requests;
        });
    }

    private static String readRequest(BufferedReader in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) sb.append(line).append('\n');
        return sb.toString();
    }

    private static byte[] interleaved(int channel, byte[] payload) {
        byte[] f = new byte[4 + payload.length];
        f[0] = '$';
        f[1] = (byte) channel;
        f[2] = (byte) (payload.length >> 8);
        f[3] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 4, payload.length);
        return f;
    }

    @Test
    void digestChallengeSetupOfTheVideoTrackAndInterleavedPackets() throws Exception {
        byte[] video = {(byte) 0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0x65, 1, 2};
        byte[] rtcp = {(byte) 0x80, (byte) 200, 0, 1};
        byte[] keepAliveAnswer = "RTSP/1.0 200 OK\r\nCSeq: 9\r\nContent-Length: 3\r\n\r\nabc".getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream after = new java.io.ByteArrayOutputStream();
        after.writeBytes(interleaved(3, rtcp));
        after.writeBytes(keepAliveAnswer);
        after.writeBytes(interleaved(2, video));
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<List<String>> camera = camera(server, after.toByteArray());
            RtspUrl url = RtspUrl.parse("rtsp://patrol:s%3Acret@127.0.0.1:" + server.getLocalPort() + "/live");
            try (RtspClient client = new RtspClient(url)) {
                Sdp sdp = client.describe(Duration.ofSeconds(5), () -> {});
                assertEquals("H264", sdp.codec());
                assertEquals(2, sdp.parameterSets().size());
                client.play(Duration.ofSeconds(5));
                byte[] buf = new byte[65536];
                int len = client.readVideoPacket(buf);
                assertArrayEquals(video, java.util.Arrays.copyOf(buf, len), "RTCP and the keep-alive answer are skipped");
                assertTrue(client.bytesRead() > SDP.length());
            }
            List<String> req = camera.get(5, TimeUnit.SECONDS);
            assertTrue(req.get(0).startsWith("DESCRIBE rtsp://127.0.0.1:" + server.getLocalPort() + "/live RTSP/1.0"), req.get(0));
            assertTrue(!req.get(0).contains("Authorization") && !req.get(0).contains("s:cret"), "no credentials in the URL or unasked");
            String uri = "rtsp://127.0.0.1:" + server.getLocalPort() + "/live";
            String expected = RtspAuth.md5(RtspAuth.md5("patrol:cam:s:cret") + ":abc123:" + RtspAuth.md5("DESCRIBE:" + uri));
            assertTrue(req.get(1).contains("Authorization: Digest username=\"patrol\"") && req.get(1).contains(expected), req.get(1));
            assertTrue(req.get(2).startsWith("SETUP rtsp://127.0.0.1/live/track1 "), "video track resolved against Content-Base: " + req.get(2));
            assertTrue(req.get(3).startsWith("PLAY ") && req.get(3).contains("Session: 42"), req.get(3));
        }
    }

    @Test
    void anErrorAnswerNamesTheRequestAndStatus() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    readRequest(new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)));
                    s.getOutputStream().write("RTSP/1.0 404 Not Found\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                    Thread.sleep(200);
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            try (RtspClient client = new RtspClient(RtspUrl.parse("rtsp://127.0.0.1:" + server.getLocalPort() + "/nope"))) {
                RtspStatusException e = assertThrows(RtspStatusException.class, () -> client.describe(Duration.ofSeconds(5), () -> {}));
                assertEquals(404, e.status());
                assertEquals("DESCRIBE: 404 Not Found", e.getMessage());
            }
        }
    }
}
