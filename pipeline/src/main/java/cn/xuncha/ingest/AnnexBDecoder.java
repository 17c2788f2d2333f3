package cn.xuncha.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import cn.xuncha.ingest.SourceException.Kind;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/** FFmpeg's H.264/H.265 decoder fed with whole Annex-B access units (parameter sets travel in-band). */
final class AnnexBDecoder implements AutoCloseable {
    private final AVCodecContext dec;
    private final AVPacket pkt = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private BytePointer buf = new BytePointer(0);

    /**
     * @param keyframesOnly keyframes decoded alone skip H.264/H.265's in-loop deblocking filter: no later frame is
     *     decoded from them, so only the sample's own pixels change — 42 dB luma PSNR against the filtered decode
     *     on the bench clip, invisible at the 640-px analysis width — and a keyframe costs 25 % less CPU
     *     (8.8 → 6.6 ms at 1080p, docs/benchmarks.md).
     */
    AnnexBDecoder(String sdpCodec, boolean keyframesOnly) throws SourceException {
        int id = "H265".equals(sdpCodec) ? AV_CODEC_ID_HEVC : AV_CODEC_ID_H264;
        AVCodec codec = avcodec_find_decoder(id);
        if (codec == null || codec.isNull()) throw new SourceException(Kind.BAD_STREAM, "no decoder for " + sdpCodec);
        dec = avcodec_alloc_context3(codec);
        dec.thread_count(1); // many cameras per core: one decode thread each is cheapest overall
        dec.flags(dec.flags() | AV_CODEC_FLAG_LOW_DELAY); // a keyframe fed alone must come out at once
        if (keyframesOnly) dec.skip_loop_filter(AVDISCARD_ALL);
        int r = avcodec_open2(dec, codec, (AVDictionary) null);
        if (r < 0) {
            close();
            throw new SourceException(Kind.BAD_STREAM, "cannot open the " + sdpCodec + " decoder: " + FfmpegErrors.text(r));
        }
    }

    /** Decodes one access unit; returns the decoded frame (valid until the next call) or null (none yet, or corrupt). */
    AVFrame decode(byte[] annexB, int length) {
        if (buf.capacity() < length + AV_INPUT_BUFFER_PADDING_SIZE) {
            buf.close();
            buf = new BytePointer(length + AV_INPUT_BUFFER_PADDING_SIZE + 64 * 1024L);
        }
        buf.position(0).put(annexB, 0, length);
        for (int i = 0; i < AV_INPUT_BUFFER_PADDING_SIZE; i++) buf.put(length + i, (byte) 0);
        av_frame_unref(frame);
        pkt.data(buf).size(length);
        int r = avcodec_send_packet(dec, pkt);
        if (r < 0 && r != AVERROR_EAGAIN()) return null; // a corrupt unit: the next keyframe recovers
        return avcodec_receive_frame(dec, frame) < 0 ? null : frame;
    }

    @Override
    public void close() {
        pkt.data(null).size(0); // the data is ours (buf), not the packet's
        av_frame_free(frame);
        av_packet_free(pkt);
        if (dec != null) avcodec_free_context(dec);
        buf.close();
    }
}
