package cn.xuncha.scan;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/** The outcome of one scan run: counts, faults by kind, and how long it took. */
public record ScanSummary(long scanId, LocalDate scanDate, int cameras, int failed, int findings, int cleared,
                          Map<String, Integer> statuses, Duration took) {
    public ScanSummary {
        statuses = Map.copyOf(statuses);
    }
}
