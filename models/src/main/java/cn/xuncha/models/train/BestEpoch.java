package cn.xuncha.models.train;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keeps a copy of the parameters from the epoch with the highest validation score, for training to restore at the end. */
final class BestEpoch {
    private INDArray params;
    private double score;
    private int epoch;

    private BestEpoch(INDArray params, double score) {
        this.params = params;
        this.score = score;
    }

    /** Nothing kept yet: the first epoch offered is kept whatever its score. */
    static BestEpoch none() {
        return new BestEpoch(null, Double.NEGATIVE_INFINITY);
    }

    /** The network as given counts as epoch 0 with this score (fine-tuning keeps it unless an epoch beats it). */
    static BestEpoch startingFrom(Model net, double score) {
        return new BestEpoch(net.params().dup(), score);
    }

    /** Keeps net's parameters when this epoch's score beats every earlier one; returns whether it did. */
    boolean offer(int epoch, double score, Model net) {
        if (score <= this.score) return false;
        this.score = score;
        this.epoch = epoch;
        this.params = net.params().dup();
        return true;
    }

    /** Puts the kept parameters back into net. */
    void restore(Model net) {
        if (params == null) throw new IllegalStateException("no epoch was offered");
        net.setParams(params);
    }

    int epoch() {
        return epoch;
    }

    double score() {
        return score;
    }
}
