package cn.xuncha.models;

import java.util.List;
import java.util.Map;

/**
 * What a trained model is and how it scored: written next to the model zip as JSON.
 *
 * @param classes output classes, index 1 is "garbage" (probability returned by the classifier)
 * @param inputSize square network input in pixels
 * @param cropPadding crops are squares of side max(w,h)*cropPadding centred on the object box
 * @param operatingThreshold classifier threshold for "garbage" on single crops
 * @param detectionThreshold window score threshold used by the single-image detector
 * @param dataFingerprint SHA-256 over the training/validation file names, sizes and label contents
 * @param validationMetrics metrics on the validation split (names are self-describing)
 */
public record ModelMetadata(
        List<String> classes,
        int inputSize,
        double cropPadding,
        double operatingThreshold,
        double detectionThreshold,
        String dataFingerprint,
        Map<String, Double> validationMetrics,
        Map<String, Object> training) {

    /** The same model described with another training record (a fine-tuned copy, say). */
    public ModelMetadata withTraining(Map<String, Object> newTraining) {
        return new ModelMetadata(classes, inputSize, cropPadding, operatingThreshold, detectionThreshold, dataFingerprint,
                validationMetrics, newTraining);
    }
}
