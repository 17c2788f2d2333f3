package cn.xuncha.ingest;

import cn.xuncha.ingest.SourceException.Kind;
import cn.xuncha.ingest.rtsp.AccessUnitAssembler;
import cn.xuncha.ingest.rtsp.ReceivePacer;
import cn.xuncha.ingest.rtsp.RtspClient;
import cn.xuncha.ingest.rtsp.RtspStatusException;
import cn.xuncha.ingest.rtsp.RtspUrl;
import cn.xuncha.ingest.rtsp.Sdp;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * RTSP camera through the built-in client ({@link RtspClient}): buffered reads in batches, access units rebuilt in
 * Java, and in keyframe-only mode only the due keyframe is ever copied or decoded. A stalled camera is a read timeout
 * on its own socket; abort closes the socket. Streams the client cannot depacketize (other codecs) are handed to
 * {@link FfmpegSource} on the same settings.
 */
final class RtspSource implements FrameSource {
    private final SourceSettings s;
    private final Object pauseLock = new Object();
    private final byte[] packet = new byte[65536];
    private final FrameConverter converter;
    private volatile boolean aborted;
    private volatile RtspClient client;
    private volatile FfmpegSource fallback;
    private AccessUnitAssembler assembler;
    private AnnexBDecoder decoder;
    private FrameSample ready;
    private long nextSampleNanos;

    RtspSource(SourceSettings settings) {
        this.s = settings;
        this.converter = new FrameConverter(settings.maxWidth());
    }

    @Override
    public void open() throws IOException {
        RtspUrl url;
        try {
            url = RtspUrl.parse(s.url());
        } catch (IllegalArgumentException e) {
            throw new SourceException(Kind.BAD_STREAM, "bad camera URL: " + e.getMessage());
        }
        client = new RtspClient(url);
        try {
            Sdp sdp = client.describe(s.connectTimeout(), this::pause);
            if (!sdp.supported()) {
                openFallback();
                return;
            }
            decoder = new AnnexBDecoder(sdp.codec(), s.keyframesOnly());
            assembler = new AccessUnitAssembler(sdp.codec(), sdp.parameterSets(), this::accessUnit);
            assembler.everyFrame(!s.keyframesOnly());
            client.play(s.stallTimeout());
        } catch (IOException | RuntimeException e) {
            throw classify("open", e, url.host());
        }
    }

    private void openFallback() throws IOException {
        client.close();
        client = null;
        fallback = new FfmpegSource(s);
        if (aborted) fallback.abort();
        fallback.open();
    }

    @Override
    public FrameSample next() throws IOException {
        if (fallback != null) return fallback.next();
        try {
            while (ready == null) {
                assembler.wantKeyframe(System.nanoTime() - nextSampleNanos >= 0);
                int len = client.readVideoPacket(packet);
                assembler.packet(packet, 0, len);
            }
            FrameSample out = ready;
            ready = null;
            return out;
        } catch (SocketTimeoutException e) {
            if (aborted) throw new SourceException(Kind.OTHER, "read: aborted");
            throw new SourceException(Kind.STALLED, "no data for " + s.stallTimeout().toSeconds() + " s");
        } catch (IOException | RuntimeException e) {
            throw classify("read", e, null);
        }
    }

    /** Called by the assembler for each complete unit it kept. */
    private void accessUnit(byte[] annexB, int length, boolean keyframe) {
        boolean due = System.nanoTime() - nextSampleNanos >= 0;
        AVFrame frame = decoder.decode(annexB, length);
        if (frame == null || !due || ready != null) return;
        nextSampleNanos = System.nanoTime() + s.sampleInterval().toNanos();
        ready = new FrameSample(s.cameraId(), s.pointId(), Instant.now(), converter.toBgr(frame));
    }

    private void pause() throws IOException {
        synchronized (pauseLock) {
            long end = System.nanoTime() + ReceivePacer.PAUSE.toNanos();
            try {
                for (long left = ReceivePacer.PAUSE.toNanos(); left > 0 && !aborted; left = end - System.nanoTime()) {
                    pauseLock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(Kind.OTHER, "interrupted");
            }
        }
        if (aborted) throw new SourceException(Kind.OTHER, "read: aborted");
    }

    private SourceException classify(String what, Exception e, String host) {
        if (e instanceof SourceException se) return se;
        if (aborted) return new SourceException(Kind.OTHER, what + ": aborted");
        if (e instanceof UnknownHostException) return new SourceException(Kind.UNKNOWN_HOST, "unknown host " + host);
        if (e instanceof ConnectException) return new SourceException(Kind.REFUSED, what + ": connection refused");
        if (e instanceof NoRouteToHostException) return new SourceException(Kind.REFUSED, what + ": host unreachable");
        if (e instanceof SocketTimeoutException) return new SourceException(Kind.TIMEOUT, what + ": no answer before the timeout");
        if (e instanceof EOFException) return new SourceException(Kind.ENDED, "stream ended: " + e.getMessage());
        if (e instanceof RtspStatusException rs) {
            if (rs.status() == 401 || rs.status() == 403) {
                return new SourceException(Kind.UNAUTHORIZED, rs.getMessage() + " (check the camera's credentials)");
            }
            if (rs.status() == 404) return new SourceException(Kind.NOT_FOUND, rs.getMessage() + " (check the stream path)");
            return new SourceException(Kind.OTHER, rs.getMessage());
        }
        return new SourceException(Kind.OTHER, what + ": " + e.getMessage());
    }

    /** Whether the built-in client carries the stream (false once it was handed to FFmpeg for its codec). */
    boolean builtIn() {
        return fallback == null;
    }

    @Override
    public long bytesRead() {
        FfmpegSource f = fallback;
        RtspClient c = client;
        return f != null ? f.bytesRead() : c != null ? c.bytesRead() : 0;
    }

    @Override
    public void abort() {
        aborted = true;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        FfmpegSource f = fallback;
        if (f != null) f.abort();
        RtspClient c = client;
        if (c != null) c.close(); // a blocked read or connect returns at once
    }

    @Override
    public void close() {
        if (ready != null) ready.close();
        ready = null;
        if (client != null) client.close();
        if (fallback != null) fallback.close();
        if (decoder != null) decoder.close();
        decoder = null;
        converter.close();
    }
}
