package cn.xuncha.report;

import java.util.List;

/** The rows of a daily report: one record type per view. */
public final class ReportRows {
    private ReportRows() {}

    /** A unit with tonight's and last night's figures and its rank (1 = best). */
    public record UnitRow(int rank, String unit, Counts now, Counts previous) {}

    /** A point with its unit, figures, and the camera faults of tonight's scan (e.g. "P01-2 遮挡"). */
    public record PointRow(String pointId, String name, String unit, Counts now, Counts previous, List<String> cameraFaults) {}

    /**
     * A camera's scan result: status label and the measured value behind it.
     *
     * @param thumbnailJpeg the scan's small view, or null
     */
    public record CameraRow(String cameraId, String pointId, String unit, String status, String statusLabel, String detail,
                            int findings, int cleared, byte[] thumbnailJpeg) {}
}
