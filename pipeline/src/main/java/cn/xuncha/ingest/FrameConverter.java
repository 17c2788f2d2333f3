package cn.xuncha.ingest;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Converts decoded frames to BGR Mats, downscaling to at most {@code maxWidth} so that 166 cameras' waiting
 * samples stay small; analysis works at 640 px anyway. Reuses its scaler; one per source.
 */
final class FrameConverter implements AutoCloseable {
    private final int maxWidth;
    private SwsContext sws;
    private final PointerPointer<?> dstData = new PointerPointer<>(4);
    private final IntPointer dstStride = new IntPointer(4);

    FrameConverter(int maxWidth) {
        this.maxWidth = maxWidth;
    }

    /** A new Mat owned by the caller. */
    Mat toBgr(AVFrame frame) {
        int w = frame.width();
        int h = frame.height();
        int outW = w;
        int outH = h;
        if (maxWidth > 0 && w > maxWidth) {
            outW = maxWidth;
            outH = Math.max(2, (int) Math.round((double) h * maxWidth / w) & ~1);
        }
        sws = sws_getCachedContext(sws, w, h, frame.format(), outW, outH, AV_PIX_FMT_BGR24, SWS_BILINEAR,
                null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) throw new IllegalStateException("cannot convert pixel format " + frame.format());
        Mat mat = new Mat(outH, outW, CV_8UC3);
        dstData.put(0, mat.data());
        dstStride.put(0, (int) mat.step());
        sws_scale(sws, frame.data(), frame.linesize(), 0, h, dstData, dstStride);
        return mat;
    }

    @Override
    public void close() {
        if (sws != null) sws_freeContext(sws);
        sws = null;
        dstData.close();
        dstStride.close();
    }
}
