package cn.xuncha.ingest;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import cn.xuncha.ingest.SourceException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Cheap HTTP cameras: a JPEG snapshot URL polled once per sample interval, or an MJPEG
 * (multipart/x-mixed-replace) stream from which one JPEG per interval is decoded and the rest skipped undecoded.
 */
public final class HttpJpegSource implements FrameSource {
    private final SourceSettings s;
    private volatile HttpURLConnection conn;
    private volatile boolean aborted;
    private MjpegReader mjpeg;
    private long bytes;
    private long nextSampleNanos;

    public HttpJpegSource(SourceSettings settings) {
        this.s = settings;
    }

    @Override
    public void open() throws IOException {
        HttpURLConnection c = connect();
        String type = String.valueOf(c.getContentType()).toLowerCase();
        if (type.startsWith("multipart/")) {
            mjpeg = new MjpegReader(c.getInputStream());
        } else if (!type.startsWith("image/")) {
            c.disconnect();
            throw new SourceException(Kind.BAD_STREAM, "expected a JPEG or MJPEG response, got content type " + type);
        } else {
            c.disconnect(); // snapshot mode: each sample is its own request
        }
    }

    private HttpURLConnection connect() throws IOException {
        URI uri = URI.create(s.url());
        try {
            URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
            HttpURLConnection c = (HttpURLConnection) bare.toURL().openConnection();
            c.setConnectTimeout((int) s.connectTimeout().toMillis());
            c.setReadTimeout((int) s.stallTimeout().toMillis());
            if (uri.getRawUserInfo() != null) {
                String basic = Base64.getEncoder().encodeToString(
                        java.net.URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
                c.setRequestProperty("Authorization", "Basic " + basic);
            }
            conn = c;
            int code = c.getResponseCode();
            if (code == 401 || code == 403) throw new SourceException(Kind.UNAUTHORIZED, "HTTP " + code + " (check the camera's credentials)");
            if (code == 404) throw new SourceException(Kind.NOT_FOUND, "HTTP 404 (check the snapshot path)");
            if (code != 200) throw new SourceException(Kind.OTHER, "HTTP " + code);
            return c;
        } catch (UnknownHostException e) {
            throw new SourceException(Kind.UNKNOWN_HOST, "unknown host " + uri.getHost());
        } catch (ConnectException e) {
            throw new SourceException(Kind.REFUSED, "connection refused");
        } catch (SocketTimeoutException e) {
            throw new SourceException(Kind.TIMEOUT, "no answer within " + s.connectTimeout().toSeconds() + " s");
        } catch (java.net.URISyntaxException e) {
            throw new SourceException(Kind.OTHER, "malformed URL");
        }
    }

    @Override
    public FrameSample next() throws IOException {
        try {
            if (mjpeg != null) {
                while (true) {
                    byte[] jpeg = mjpeg.nextJpeg();
                    if (jpeg == null) throw new SourceException(Kind.ENDED, "MJPEG stream ended");
                    bytes += jpeg.length;
                    if (System.nanoTime() - nextSampleNanos >= 0) return decode(jpeg);
                }
            }
            sleepUntilDue();
            HttpURLConnection c = connect();
            try (InputStream in = c.getInputStream()) {
                byte[] jpeg = in.readAllBytes();
                bytes += jpeg.length;
                return decode(jpeg);
            } finally {
                c.disconnect();
            }
        } catch (SocketTimeoutException e) {
            throw new SourceException(Kind.STALLED, "no data for " + s.stallTimeout().toSeconds() + " s");
        } catch (IOException e) {
            if (e instanceof SourceException) throw e;
            if (aborted) throw new SourceException(Kind.OTHER, "aborted");
            throw new SourceException(Kind.ENDED, "connection lost: " + e.getMessage());
        }
    }

    private void sleepUntilDue() throws SourceException {
        while (!aborted && System.nanoTime() - nextSampleNanos < 0) {
            try {
                Thread.sleep(Math.min(200, Math.max(1, (nextSampleNanos - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(Kind.OTHER, "interrupted");
            }
        }
        if (aborted) throw new SourceException(Kind.OTHER, "aborted");
    }

    private FrameSample decode(byte[] jpeg) throws SourceException {
        Mat image;
        try (BytePointer data = new BytePointer(jpeg); Mat buf = new Mat(1, jpeg.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, data)) {
            image = imdecode(buf, IMREAD_COLOR);
        }
        if (image == null || image.empty()) throw new SourceException(Kind.BAD_STREAM, "response is not a decodable JPEG");
        nextSampleNanos = System.nanoTime() + s.sampleInterval().toNanos();
        return new FrameSample(s.cameraId(), s.pointId(), Instant.now(), image);
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public void abort() {
        aborted = true;
        HttpURLConnection c = conn;
        if (c != null) c.disconnect(); // unblocks a read in progress
    }

    @Override
    public void close() {
        abort();
    }
}
