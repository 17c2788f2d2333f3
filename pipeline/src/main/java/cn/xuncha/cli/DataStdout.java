package cn.xuncha.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * Keeps a command's stdout for its data (JSON lines, tables): while the body runs, libraries that log to
 * System.out (DL4J/ND4J do) are sent to stderr. Commands print through picocli's writer, which is unaffected.
 */
final class DataStdout {
    private DataStdout() {}

    static <T> T run(Callable<T> body) throws Exception {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return body.call();
        } finally {
            System.setOut(stdout);
        }
    }
}
