package cn.xuncha.models.net;

import java.nio.ByteBuffer;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Converts 8-bit BGR Mats (or raw BGR byte crops) into NCHW float tensors normalised to about [-1, 1]. */
public final class MatTensors {

    private MatTensors() {}

    /** Batch of equally sized BGR crops → [n, 3, h, w]. */
    public static INDArray batch(List<Mat> crops) {
        int h = crops.get(0).rows(), w = crops.get(0).cols();
        float[] buf = new float[crops.size() * 3 * h * w];
        byte[] px = new byte[h * w * 3];
        for (int i = 0; i < crops.size(); i++) {
            Mat m = crops.get(i);
            if (m.rows() != h || m.cols() != w || m.channels() != 3) {
                throw new IllegalArgumentException("crop " + i + " is not " + w + "x" + h + "x3");
            }
            copyBytes(m, px);
            fill(px, buf, i * 3 * h * w, h * w);
        }
        return Nd4j.create(buf, new long[] {crops.size(), 3, h, w}, 'c');
    }

    /** Raw interleaved BGR bytes of equally sized crops → [n, 3, size, size]. */
    public static INDArray batchFromBytes(List<byte[]> crops, int size) {
        int plane = size * size;
        float[] buf = new float[crops.size() * 3 * plane];
        for (int i = 0; i < crops.size(); i++) fill(crops.get(i), buf, i * 3 * plane, plane);
        return Nd4j.create(buf, new long[] {crops.size(), 3, size, size}, 'c');
    }

    /** Interleaved BGR bytes of a continuous 8UC3 Mat. */
    public static void copyBytes(Mat m, byte[] dst) {
        Mat src = m.isContinuous() ? m : m.clone();
        try {
            ByteBuffer bb = src.createBuffer();
            bb.get(dst, 0, dst.length);
        } finally {
            if (src != m) src.close();
        }
    }

    public static byte[] bytes(Mat m) {
        byte[] b = new byte[m.rows() * m.cols() * m.channels()];
        copyBytes(m, b);
        return b;
    }

    private static void fill(byte[] px, float[] buf, int off, int plane) {
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                buf[off + c * plane + p] = ((px[p * 3 + c] & 0xff) - 127.5f) / 127.5f;
            }
        }
    }
}
