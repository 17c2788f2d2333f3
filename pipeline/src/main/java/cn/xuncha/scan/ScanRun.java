package cn.xuncha.scan;

import java.time.Instant;
import java.time.LocalDate;

/** One scan run as stored: when, why, how it went. {@code finishedAt} is null while it runs (or if it died). */
public record ScanRun(long id, LocalDate scanDate, String trigger, String status, Instant startedAt, Instant finishedAt,
                      int camerasTotal, int camerasFailed, int findings, int cleared) {
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
}
