package cn.xuncha.cli;

import java.io.IOException;

/** What train's options ask for cannot be done with the committed models: a message, exit code 2, not a stack trace. */
final class TrainingRefused extends IOException {
    TrainingRefused(String message) {
        super(message);
    }
}
