package cn.xuncha.models.train;

import cn.xuncha.models.data.Patch;
import cn.xuncha.models.net.MatTensors;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Turns patches into DL4J minibatches with [n, 2, 1, 1] one-hot labels (the net's 1x1 output map). */
public final class PatchBatches {

    private PatchBatches() {}

    public static DataSet of(List<Patch> patches, int size) {
        INDArray x = MatTensors.batchFromBytes(patches.stream().map(Patch::bgr).toList(), size);
        INDArray y = Nd4j.zeros(patches.size(), 2, 1, 1);
        for (int i = 0; i < patches.size(); i++) y.putScalar(new long[] {i, patches.get(i).label(), 0, 0}, 1);
        return new DataSet(x, y);
    }
}
