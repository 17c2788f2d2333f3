package cn.xuncha.models.train;

import java.io.IOException;
import java.nio.file.Path;

/** A required data folder or file is absent; the message names it so the user knows what to provide. */
public final class MissingDataException extends IOException {

    public MissingDataException(Path missing) {
        super("missing training data: " + missing.toAbsolutePath().normalize()
                + " (set XUNCHA_SHARED or pass --data/--cameras)");
    }
}
