package cn.xuncha.models.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one training run.
 *
 * @param dataset YOLO dataset root with train/ and valid/ splits
 * @param cameras folder of fixed-camera clips used as extra background negatives
 * @param out model zip to write (metadata JSON goes next to it)
 * @param maxImages limit of training images per epoch (0 = all; small values for quick trials)
 */
public record TrainOptions(Path dataset, Path cameras, Path out, int epochs, long seed, int batchSize,
                           double learningRate, int maxImages, double maxFalseBoxesPerImage) {

    /** The same settings, writing the model to another zip. */
    public TrainOptions withOut(Path newOut) {
        return new TrainOptions(dataset, cameras, newOut, epochs, seed, batchSize, learningRate, maxImages, maxFalseBoxesPerImage);
    }

    /** The run's settings and per-epoch history as recorded in the model metadata (mutable: callers add timings). */
    public Map<String, Object> record(int bestEpoch, Map<String, Object> history) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("seed", seed);
        training.put("epochs", epochs);
        training.put("best_epoch", bestEpoch);
        training.put("batch_size", batchSize);
        training.put("learning_rate", learningRate);
        training.put("max_images", maxImages);
        training.put("history", history);
        training.put("data", "trashbags-kr train (CC BY 4.0, WoosongVision/Roboflow) + fixed-camera clips (bgslibrary, MIT)");
        return training;
    }
}
