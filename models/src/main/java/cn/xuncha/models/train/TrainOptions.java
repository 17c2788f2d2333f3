package cn.xuncha.models.train;

import java.nio.file.Path;

/**
 * Settings of one training run.
 *
 * @param dataset YOLO dataset root with train/ and valid/ splits
 * @param cameras folder of fixed-camera clips used as extra background negatives
 * @param out model zip to write (metadata JSON goes next to it)
 * @param maxImages limit of training images per epoch (0 = all; small values for quick trials)
 */
public record TrainOptions(Path dataset, Path cameras, Path out, int epochs, long seed, int batchSize,
                           double learningRate, int maxImages, double maxFalseBoxesPerImage) {}
