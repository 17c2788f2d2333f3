package cn.xuncha.scan;

/** A scan run that could not complete (its row is marked FAILED with the reason). */
public final class ScanFailedException extends Exception {
    public ScanFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
