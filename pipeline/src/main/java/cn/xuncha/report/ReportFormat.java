package cn.xuncha.report;

import java.util.Arrays;
import java.util.Locale;

/** The formats a report is rendered in, with file extension and media type. */
public enum ReportFormat {
    HTML("html", "text/html; charset=utf-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=utf-8");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Parses "html", "xlsx" or "csv" (any case), naming the allowed values otherwise. */
    public static ReportFormat parse(String s) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(s == null ? "" : s.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + s + "' (use html, xlsx or csv)"));
    }

    public String fileName(java.time.LocalDate date) {
        return "xuncha-report-" + date + "." + extension.toLowerCase(Locale.ROOT);
    }
}
