package cn.xuncha.models.boxes;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import cn.xuncha.models.data.PixelBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Builds {@link BoxNet} (or {@link BoxHead}) training batches: augmented inputs with their encoded targets. */
public final class BoxTraining {

    /** One augmented input (interleaved BGR bytes, size x size) and its targets. */
    public record Input(byte[] bgr, BoxTargets targets) {}

    private BoxTraining() {}

    /** A random augmented window of img with its boxes (img is not modified). */
    public static Input cut(Mat img, List<PixelBox> truth, int size, Random rnd) {
        BoxSamples.Sample s = BoxSamples.cut(img, truth, size, rnd);
        return new Input(s.bgr(), BoxTargets.encode(s.boxes(), size, size));
    }

    /** n×n random windows of the photos (n² of them) composed into one input: objects at 1/n of their usual size. */
    public static Input mosaic(List<Mat> imgs, List<List<PixelBox>> truths, int size, Random rnd) {
        BoxSamples.Sample s = BoxSamples.mosaic(imgs, truths, size, rnd);
        return new Input(s.bgr(), BoxTargets.encode(s.boxes(), size, size));
    }

    /**
     * As {@link #batch} but with the backbone's feature maps as the inputs, for training a {@link BoxHead}; with
     * a tail start, a tuned head's inputs ({@link Backbone#tailInputs}; null: a head on the frozen backbone).
     */
    public static MultiDataSet headBatch(List<Input> inputs, int size, Backbone backbone, TailStart tail) {
        MultiDataSet images = batch(inputs, size);
        List<Mat> mats = new ArrayList<>();
        try {
            for (Input in : inputs) {
                Mat m = new Mat(size, size, CV_8UC3);
                m.data().put(in.bgr());
                mats.add(m);
            }
            INDArray[] features = tail != null ? backbone.tailInputs(mats, tail) : backbone.features(mats);
            return new MultiDataSet(features, images.getLabels(), null, images.getLabelsMaskArrays());
        } finally {
            mats.forEach(Mat::close);
        }
    }

    /** Features [n,3,s,s]; labels heat [n,2,g,g] and box [n,4,g,g]; the box label mask [n,1,g,g]. */
    public static MultiDataSet batch(List<Input> inputs, int size) {
        int n = inputs.size(), plane = size * size;
        int g = size / BoxNet.STRIDE, cells = g * g;
        float[] f = new float[n * 3 * plane];
        float[] heat = new float[n * 2 * cells], box = new float[n * 4 * cells], mask = new float[n * cells];
        for (int i = 0; i < n; i++) {
            byte[] px = inputs.get(i).bgr();
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) f[i * 3 * plane + c * plane + p] = ((px[p * 3 + c] & 0xff) - 127.5f) / 127.5f;
            }
            BoxTargets t = inputs.get(i).targets();
            System.arraycopy(t.heat(), 0, heat, i * 2 * cells, 2 * cells);
            System.arraycopy(t.box(), 0, box, i * 4 * cells, 4 * cells);
            System.arraycopy(t.boxMask(), 0, mask, i * cells, cells);
        }
        INDArray features = Nd4j.create(f, new long[] {n, 3, size, size}, 'c');
        INDArray heatL = Nd4j.create(heat, new long[] {n, 2, g, g}, 'c');
        INDArray boxL = Nd4j.create(box, new long[] {n, 4, g, g}, 'c');
        INDArray boxM = Nd4j.create(mask, new long[] {n, 1, g, g}, 'c');
        return new MultiDataSet(new INDArray[] {features}, new INDArray[] {heatL, boxL}, null, new INDArray[] {null, boxM});
    }
}
