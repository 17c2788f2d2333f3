package cn.xuncha.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import cn.xuncha.ingest.SourceException.Kind;
import cn.xuncha.ingest.rtsp.ReceivePacer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

/**
 * RTSP / HTTP(MJPEG) / file input opened with the FFmpeg API directly (not FFmpegFrameGrabber): an interrupt
 * callback bounds every blocking call, there is no JVM-wide lock, and in keyframe-only mode packets that are not
 * a due keyframe are dropped before decoding, so a camera costs one keyframe decode per sample interval.
 */
public final class FfmpegSource implements FrameSource {
    private final SourceSettings s;
    private final boolean isFile;
    private final InterruptControl control = new InterruptControl();
    private final FrameConverter converter;
    private final FilePacer pacer = new FilePacer();
    private final ReceivePacer receivePacer = new ReceivePacer(ReceivePacer.PAUSE);
    private long pauseNanos;
    private AVFormatContext fmt;
    private AVCodecContext dec;
    private AVPacket pkt;
    private AVFrame frame;
    private int stream = -1;
    private double timeBase;
    private volatile long bytes;
    private long nextSampleNanos;
    private boolean awaitingFrame;

    public FfmpegSource(SourceSettings settings) {
        this.s = settings;
        this.isFile = settings.url().startsWith("file:");
        this.converter = new FrameConverter(settings.maxWidth());
    }

    @Override
    public void open() throws IOException {
        String input = isFile ? Path.of(URI.create(s.url().startsWith("file://") ? s.url() : "file://" + Path.of(s.url().substring(5)).toAbsolutePath())).toString() : s.url();
        if (!isFile) checkHost();
        fmt = avformat_alloc_context();
        control.installOn(fmt);
        AVDictionary opts = new AVDictionary(null);
        if (s.url().startsWith("rtsp")) av_dict_set(opts, "rtsp_transport", "tcp", 0);
        // FFmpeg's own socket timeout only as a backstop: the interrupt deadline fires first, so every timeout is
        // classified the same way whatever protocol layer was blocked
        av_dict_set(opts, "timeout", String.valueOf((s.connectTimeout().toMillis() + 2000) * 1000), 0);
        av_dict_set(opts, "analyzeduration", "2000000", 0);
        av_dict_set(opts, "probesize", "1000000", 0);
        control.arm(s.connectTimeout());
        try {
            int r = avformat_open_input(fmt, input, null, opts);
            if (r < 0) {
                fmt = null; // FFmpeg frees a user-supplied context on failure
                throw FfmpegErrors.classify("open", r, control);
            }
            check(avformat_find_stream_info(fmt, (PointerPointer<?>) null), "probe");
            openDecoder();
        } finally {
            av_dict_free(opts);
            control.disarm();
        }
        pkt = av_packet_alloc();
        frame = av_frame_alloc();
    }

    private void checkHost() throws SourceException {
        String host = URI.create(s.url()).getHost();
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new SourceException(Kind.UNKNOWN_HOST, "unknown host " + host);
        }
    }

    private void openDecoder() throws SourceException {
        stream = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (stream < 0) throw new SourceException(Kind.BAD_STREAM, "no video stream");
        AVStream st = fmt.streams(stream);
        timeBase = av_q2d(st.time_base());
        AVCodec codec = avcodec_find_decoder(st.codecpar().codec_id());
        if (codec == null || codec.isNull()) throw new SourceException(Kind.BAD_STREAM, "no decoder for codec id " + st.codecpar().codec_id());
        dec = avcodec_alloc_context3(codec);
        check(avcodec_parameters_to_context(dec, st.codecpar()), "decoder parameters");
        dec.thread_count(1); // many cameras per core: one decode thread each is cheapest overall
        if (s.keyframesOnly()) dec.skip_frame(AVDISCARD_NONKEY);
        check(avcodec_open2(dec, codec, (AVDictionary) null), "open decoder");
    }

    @Override
    public FrameSample next() throws IOException {
        while (true) {
            pauseBetweenReads();
            long start = System.nanoTime();
            control.arm(s.stallTimeout());
            int r = av_read_frame(fmt, pkt);
            boolean expired = control.expired();
            control.disarm();
            if (!isFile) pauseNanos = receivePacer.pauseAfter(System.nanoTime() - start);
            if (r == AVERROR_EOF() && isFile) {
                rewind();
                continue;
            }
            if (r < 0 && (expired || r == AVERROR_EXIT()) && !control.aborted()) {
                throw new SourceException(Kind.STALLED, "no data for " + s.stallTimeout().toSeconds() + " s");
            }
            if (r == AVERROR_EOF()) throw new SourceException(Kind.ENDED, "stream ended");
            if (r < 0) throw FfmpegErrors.classify("read", r, control);
            try {
                bytes += pkt.size();
                FrameSample sample = handle(pkt);
                if (sample != null) return sample;
            } finally {
                av_packet_unref(pkt);
            }
        }
    }

    private void pauseBetweenReads() throws SourceException {
        if (pauseNanos <= 0) return;
        try {
            control.pause(pauseNanos); // an abort wakes it; the read that follows then returns at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Kind.OTHER, "interrupted");
        }
        pauseNanos = 0;
    }

    private FrameSample handle(AVPacket p) throws IOException {
        if (p.stream_index() != stream) return null;
        if (isFile) pace(p);
        boolean due = System.nanoTime() - nextSampleNanos >= 0;
        boolean key = (p.flags() & AV_PKT_FLAG_KEY) != 0;
        if (s.keyframesOnly() && !(key && (due || awaitingFrame))) return null; // dropped undecoded: the saving
        int r = avcodec_send_packet(dec, p);
        if (r < 0 && r != AVERROR_EAGAIN()) return null; // a corrupt packet; the next keyframe recovers
        r = avcodec_receive_frame(dec, frame);
        if (r < 0) {
            awaitingFrame = due; // decoder delay: feed the next keyframe regardless of the interval
            return null;
        }
        try {
            if (!due) return null;
            awaitingFrame = false;
            nextSampleNanos = System.nanoTime() + s.sampleInterval().toNanos();
            return new FrameSample(s.cameraId(), s.pointId(), Instant.now(), converter.toBgr(frame));
        } finally {
            av_frame_unref(frame);
        }
    }

    private void pace(AVPacket p) throws SourceException {
        long ts = p.pts() != AV_NOPTS_VALUE ? p.pts() : p.dts();
        if (ts == AV_NOPTS_VALUE) return;
        try {
            pacer.await(ts * timeBase, control::aborted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Kind.OTHER, "interrupted");
        }
    }

    private void rewind() throws SourceException {
        AVStream st = fmt.streams(stream);
        double frameDuration = st.avg_frame_rate().num() > 0 ? 1 / av_q2d(st.avg_frame_rate()) : 0.04;
        pacer.looped(frameDuration);
        check(av_seek_frame(fmt, stream, 0, AVSEEK_FLAG_BACKWARD), "rewind");
        avcodec_flush_buffers(dec);
    }

    private void check(int r, String what) throws SourceException {
        if (r < 0) throw FfmpegErrors.classify(what, r, control);
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public void abort() {
        control.abort();
    }

    @Override
    public void close() {
        if (frame != null) av_frame_free(frame);
        if (pkt != null) av_packet_free(pkt);
        if (dec != null) avcodec_free_context(dec);
        if (fmt != null) avformat_close_input(fmt);
        frame = null;
        pkt = null;
        dec = null;
        fmt = null;
        converter.close();
        control.close();
    }
}
