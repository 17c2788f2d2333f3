package cn.xuncha.report;

import cn.xuncha.report.ReportRows.CameraRow;
import cn.xuncha.report.ReportRows.PointRow;
import cn.xuncha.report.ReportRows.UnitRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The morning report of one date: figures as of {@code asOf} for the period since the previous report, per unit,
 * point and camera, the worst points, and the 30-night trend of open cases per unit. Renderers only format it.
 *
 * @param scanId the scan the camera figures come from, or null when no scan ran that night
 */
public record DailyReport(LocalDate date, Instant since, Instant asOf, Long scanId, Counts total, Counts totalPrevious,
                          List<UnitRow> units, List<PointRow> points, List<CameraRow> cameras, List<PointRow> worst, Trend trend) {
    /** Open cases per unit at each of the last nights, oldest first. */
    public record Trend(List<LocalDate> days, Map<String, int[]> openByUnit) {}

    public List<CameraRow> camerasOf(String pointId) {
        return cameras.stream().filter(c -> c.pointId().equals(pointId)).toList();
    }
}
