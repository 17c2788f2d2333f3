package cn.xuncha.models;

import cn.xuncha.models.data.PatchSampler;
import cn.xuncha.models.net.GarbageNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Untrained but complete models for tests that must not depend on the committed weights. */
public final class TestModels {

    private TestModels() {}

    public static GarbageClassifier untrained(long seed, double detectionThreshold) {
        ModelMetadata m = new ModelMetadata(List.of("background", "garbage"), GarbageNet.INPUT, PatchSampler.CROP_PAD,
                0.5, detectionThreshold, "sha256:test", Map.of("valid_patch_auroc", 0.5), Map.of("seed", seed));
        return new GarbageClassifier(GarbageNet.create(seed, 1e-3), m);
    }

    public static Path writeUntrained(Path dir, double detectionThreshold) throws IOException {
        Path zip = dir.resolve("test-model.zip");
        try (GarbageClassifier c = untrained(3, detectionThreshold)) {
            ModelFiles.write(c, zip);
        }
        return zip;
    }
}
