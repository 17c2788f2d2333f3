package cn.xuncha.cli;

import cn.xuncha.models.GarbageClassifier;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --model FILE.zip} option: a trained model zip, else the committed default model. */
public final class ModelOption {
    @Option(names = "--model", paramLabel = "ZIP", description = "model zip with its .json beside it (default: committed model)")
    Path zip;

    public GarbageClassifier load() throws IOException {
        return zip == null ? GarbageClassifier.loadDefault() : GarbageClassifier.load(zip);
    }
}
