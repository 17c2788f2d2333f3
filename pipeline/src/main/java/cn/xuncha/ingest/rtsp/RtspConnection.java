package cn.xuncha.ingest.rtsp;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One RTSP-over-TCP connection: requests and their responses, then RTP interleaved in the same stream. Reads go
 * through a large buffer, so one system call fetches everything that has arrived (FFmpeg's demuxer makes two per
 * RTP packet). Responses to keep-alives may arrive between packets and are consumed there.
 */
final class RtspConnection implements AutoCloseable {
    static final int BUFFER_BYTES = 512 * 1024;

    private final Socket socket = new Socket();
    private InputStream in;
    private PacedInput paced;
    private OutputStream out;
    private int cseq;
    private volatile long bytes; // one writer (the grab thread), read by health

    /** Connects within the timeout; reads give up after the same time until {@link #streaming}. */
    void connect(String host, int port, Duration timeout, ReadPause pause) throws IOException {
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        socket.setReceiveBufferSize(BUFFER_BYTES);
        socket.setTcpNoDelay(true);
        paced = new PacedInput(socket.getInputStream(), pause, n -> bytes += n);
        in = new BufferedInputStream(paced, BUFFER_BYTES);
        out = socket.getOutputStream();
    }

    /** Switches to streaming: reads give up after the stall timeout and are paced into batches. */
    void streaming(Duration stallTimeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, stallTimeout.toMillis()));
        paced.pacing(true);
    }

    /** Sends a request; returns its CSeq. */
    int send(String method, String uri, Map<String, String> headers) throws IOException {
        StringBuilder sb = new StringBuilder(method).append(' ').append(uri).append(" RTSP/1.0\r\n");
        sb.append("CSeq: ").append(++cseq).append("\r\n").append("User-Agent: xuncha\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        out.write(sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return cseq;
    }

    /** Sends a request and waits for its response, skipping any interleaved data in between. */
    RtspResponse request(String method, String uri, Map<String, String> headers) throws IOException {
        int sent = send(method, uri, headers);
        while (true) {
            int first = readByte();
            if (first == '$') {
                skip(readInterleavedLength());
                continue;
            }
            RtspResponse r = readResponse(first);
            String c = r.header("cseq");
            if (c == null || c.trim().equals(String.valueOf(sent))) return r;
        }
    }

    /**
     * Reads the next interleaved packet into buf and returns its channel; RTSP messages met on the way (answers to
     * keep-alives) are consumed. buf must hold 65535 bytes; the packet length is in {@code length[0]}.
     */
    int readPacket(byte[] buf, int[] length) throws IOException {
        while (true) {
            int first = readByte();
            if (first != '$') {
                readResponse(first);
                continue;
            }
            int channel = readByte();
            int len = (readByte() << 8) | readByte();
            readFully(buf, len);
            length[0] = len;
            return channel;
        }
    }

    long bytesRead() {
        return bytes;
    }

    private int readInterleavedLength() throws IOException {
        readByte(); // channel
        return (readByte() << 8) | readByte();
    }

    private RtspResponse readResponse(int first) throws IOException {
        String status = (char) first + readLine();
        if (!status.startsWith("RTSP/")) throw new IOException("not an RTSP answer: " + abbreviate(status));
        String[] parts = status.split(" ", 3);
        int code;
        try {
            code = Integer.parseInt(parts[1].trim());
        } catch (RuntimeException e) {
            throw new IOException("bad RTSP status line: " + abbreviate(status));
        }
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT), value = line.substring(colon + 1).trim();
            // a camera may offer Basic and Digest in two headers: keep Digest
            if (key.equals("www-authenticate") && headers.containsKey(key) && !value.regionMatches(true, 0, "digest", 0, 6)) continue;
            headers.put(key, value);
        }
        int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length").trim()) : 0;
        if (length < 0 || length > 1 << 20) throw new IOException("implausible RTSP body length " + length);
        byte[] body = new byte[length];
        readFully(body, length);
        return new RtspResponse(code, parts.length > 2 ? parts[2].trim() : "", headers, body);
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = readByte(); c != '\n'; c = readByte()) {
            if (c != '\r') sb.append((char) c);
            if (sb.length() > 8192) throw new IOException("RTSP header line too long");
        }
        return sb.toString();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("the camera closed the connection");
        return b;
    }

    private void readFully(byte[] buf, int len) throws IOException {
        for (int n = 0; n < len; ) {
            int r = in.read(buf, n, len - n);
            if (r < 0) throw new EOFException("the camera closed the connection");
            n += r;
        }
    }

    private void skip(int len) throws IOException {
        for (long left = len; left > 0; ) {
            long r = in.skip(left);
            if (r <= 0) {
                readByte();
                r = 1;
            }
            left -= r;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to do with the error
        }
    }
}
