package cn.xuncha.report;

import cn.xuncha.config.PointConfig;
import cn.xuncha.report.ReportRows.CameraRow;
import cn.xuncha.report.ReportRows.PointRow;
import cn.xuncha.report.ReportRows.UnitRow;
import cn.xuncha.scan.CameraCheckRow;
import cn.xuncha.scan.CheckKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Computes a {@link DailyReport} from case facts, the point registry and camera checks. Pure: no I/O. */
public final class ReportBuilder {
    static final int WORST_POINTS = 5;
    static final Duration RATE_WINDOW = Duration.ofDays(30);

    /** One report time: figures at {@code asOf} for the period ({@code since}, {@code asOf}], camera checks of that night. */
    public record Night(LocalDate date, Instant since, Instant asOf, Long scanId, List<CameraCheckRow> checks) {}

    private final List<PointConfig> points;
    private final Map<String, String> unitOfPoint = new LinkedHashMap<>();

    public ReportBuilder(List<PointConfig> points) {
        this.points = List.copyOf(points);
        points.forEach(p -> unitOfPoint.put(p.id(), p.unit() == null ? "未分配" : p.unit()));
    }

    /**
     * @param trendNights report times of the trend, oldest first (usually the last 30)
     * @param thumbnails loads a check's thumbnail JPEG, or null
     */
    public DailyReport build(Night night, Night previous, List<CaseFact> cases, List<Night> trendNights,
                             Function<CameraCheckRow, byte[]> thumbnails) {
        List<String> units = units(cases);
        List<UnitRow> unitRows = new ArrayList<>();
        for (String u : units) {
            Predicate<CaseFact> ofUnit = c -> u.equals(unitOf(c));
            Predicate<CameraCheckRow> camOfUnit = k -> u.equals(unitOfPoint.get(k.pointId()));
            unitRows.add(new UnitRow(0, u, counts(night, cases, ofUnit, camOfUnit), counts(previous, cases, ofUnit, camOfUnit)));
        }
        unitRows = rank(unitRows);
        List<PointRow> pointRows = new ArrayList<>();
        for (PointConfig p : points) {
            Predicate<CaseFact> ofPoint = c -> p.id().equals(c.pointId());
            Predicate<CameraCheckRow> camOfPoint = k -> p.id().equals(k.pointId());
            List<String> faults = night.checks().stream().filter(k -> camOfPoint.test(k) && !k.healthy())
                    .map(k -> k.cameraId() + " " + label(k.status())).toList();
            pointRows.add(new PointRow(p.id(), p.name(), unitOfPoint.get(p.id()), counts(night, cases, ofPoint, camOfPoint),
                    counts(previous, cases, ofPoint, camOfPoint), faults));
        }
        List<PointRow> worst = pointRows.stream().filter(r -> r.now().burden() > 0)
                .sorted(Comparator.comparingInt((PointRow r) -> -r.now().burden()).thenComparing(PointRow::pointId))
                .limit(WORST_POINTS).toList();
        Set<String> worstIds = new LinkedHashSet<>(worst.stream().map(PointRow::pointId).toList());
        List<CameraRow> cameras = night.checks().stream().map(k -> new CameraRow(k.cameraId(), k.pointId(), unitOfPoint.getOrDefault(k.pointId(), "未分配"),
                k.status(), label(k.status()), k.detail(), k.findings(), k.cleared(),
                worstIds.contains(k.pointId()) || !k.healthy() ? thumbnails.apply(k) : null)).toList();
        return new DailyReport(night.date(), night.since(), night.asOf(), night.scanId(), counts(night, cases, c -> true, k -> true),
                counts(previous, cases, c -> true, k -> true), unitRows, pointRows, cameras, worst, trend(units, cases, trendNights));
    }

    static Counts counts(Night n, List<CaseFact> cases, Predicate<CaseFact> which, Predicate<CameraCheckRow> cams) {
        int fresh = 0, open = 0, overdue = 0, rebounds = 0, closed = 0, closed30 = 0;
        Instant rateFrom = n.asOf().minus(RATE_WINDOW);
        for (CaseFact c : cases) {
            if (!which.test(c)) continue;
            boolean isNew = c.newIn(n.since(), n.asOf());
            if (isNew) fresh++;
            if (isNew && c.reboundOf() != null) rebounds++;
            if (c.openAt(n.asOf())) open++;
            if (c.overdueAt(n.asOf())) overdue++;
            if (c.closedIn(n.since(), n.asOf())) closed++;
            if (c.closedIn(rateFrom, n.asOf())) closed30++;
        }
        double rate = closed30 + open == 0 ? Double.NaN : closed30 / (double) (closed30 + open);
        List<CameraCheckRow> ks = n.checks().stream().filter(cams).toList();
        int online = (int) ks.stream().filter(CameraCheckRow::online).count();
        int healthy = (int) ks.stream().filter(CameraCheckRow::healthy).count();
        return new Counts(fresh, open, overdue, rebounds, closed, rate, ks.size(), online, healthy);
    }

    /** Best first: higher rectification rate, then fewer overdue, rebound and open cases. */
    private static List<UnitRow> rank(List<UnitRow> rows) {
        List<UnitRow> sorted = rows.stream().sorted(Comparator
                .comparingDouble((UnitRow r) -> Double.isNaN(r.now().rectificationRate()) ? -1 : -r.now().rectificationRate())
                .thenComparingInt(r -> r.now().overdue())
                .thenComparingInt(r -> r.now().rebounds())
                .thenComparingInt(r -> r.now().open())
                .thenComparing(UnitRow::unit)).toList();
        List<UnitRow> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) out.add(new UnitRow(i + 1, sorted.get(i).unit(), sorted.get(i).now(), sorted.get(i).previous()));
        return out;
    }

    private DailyReport.Trend trend(List<String> units, List<CaseFact> cases, List<Night> nights) {
        Map<String, int[]> open = new LinkedHashMap<>();
        for (String u : units) {
            int[] series = new int[nights.size()];
            for (int i = 0; i < nights.size(); i++) {
                Instant t = nights.get(i).asOf();
                series[i] = (int) cases.stream().filter(c -> u.equals(unitOf(c)) && c.openAt(t)).count();
            }
            open.put(u, series);
        }
        return new DailyReport.Trend(nights.stream().map(Night::date).toList(), open);
    }

    /** Units of the registry first (in registry order), then any other unit a case was assigned to. */
    private List<String> units(List<CaseFact> cases) {
        Set<String> u = new LinkedHashSet<>(unitOfPoint.values());
        cases.forEach(c -> u.add(unitOf(c)));
        return List.copyOf(u);
    }

    private String unitOf(CaseFact c) {
        return c.unit() != null ? c.unit() : unitOfPoint.getOrDefault(c.pointId(), "未分配");
    }

    static String label(String status) {
        if ("OK".equals(status)) return "正常";
        try {
            return CheckKind.valueOf(status).label();
        } catch (IllegalArgumentException e) {
            return status;
        }
    }
}
