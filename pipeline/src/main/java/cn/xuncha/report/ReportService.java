package cn.xuncha.report;

import cn.xuncha.config.XunchaConfig;
import cn.xuncha.scan.CameraCheckRow;
import cn.xuncha.scan.ScanRun;
import cn.xuncha.scan.ScanStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Builds, renders and archives morning reports. A report for date D describes the state at the end of that night's
 * last completed scan (or the end of D when none ran) for the period since the previous date's report time.
 * Blocking JDBC and file I/O: call from a worker thread.
 */
public final class ReportService {
    public static final int TREND_NIGHTS = 30;
    private final XunchaConfig config;
    private final ScanStore scans;
    private final CaseFacts facts;
    private final ReportArchive archive;
    private final ZoneId zone;
    private final Clock clock;

    public ReportService(XunchaConfig config, DataSource db, ScanStore scans, ZoneId zone, Clock clock) {
        this.config = config;
        this.scans = scans;
        this.facts = new CaseFacts(db);
        this.archive = new ReportArchive(db, Path.of(config.storage().dataDir()));
        this.zone = zone;
        this.clock = clock;
    }

    public ReportArchive archive() {
        return archive;
    }

    public DailyReport build(LocalDate date) throws SQLException {
        ReportBuilder.Night night = night(date, true);
        ReportBuilder.Night previous = night(date.minusDays(1), true);
        List<ReportBuilder.Night> trend = new ArrayList<>();
        for (int i = TREND_NIGHTS - 1; i >= 0; i--) trend.add(night(date.minusDays(i), false));
        Instant from = trend.get(0).asOf().minus(ReportBuilder.RATE_WINDOW).minus(Duration.ofDays(1));
        return new ReportBuilder(config.points()).build(night, previous, facts.between(from, night.asOf()), trend, this::thumbnail);
    }

    /** Renders the report of a date in a format and archives it (replacing an earlier rendering). */
    public Path generate(LocalDate date, ReportFormat format) throws SQLException, IOException {
        DailyReport r = build(date);
        byte[] content = switch (format) {
            case HTML -> new HtmlReport(zone).render(r).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case XLSX -> new XlsxReport().render(r);
            case CSV -> new CsvReport().render(r);
        };
        return archive.store(date, format, content, r.scanId(), clock.instant());
    }

    /** The archived report, or a freshly generated one when it was never archived. */
    public Path fetch(LocalDate date, ReportFormat format) throws SQLException, IOException {
        Optional<Path> p = archive.find(date, format);
        return p.isPresent() ? p.get() : generate(date, format);
    }

    private ReportBuilder.Night night(LocalDate date, boolean withChecks) throws SQLException {
        Optional<ScanRun> scan = scans.lastDoneOn(date);
        Optional<ScanRun> before = scans.lastDoneOn(date.minusDays(1));
        Instant asOf = scan.map(ScanRun::finishedAt).orElseGet(() -> endOf(date));
        Instant since = before.map(ScanRun::finishedAt).orElseGet(() -> endOf(date.minusDays(1)));
        List<CameraCheckRow> checks = withChecks && scan.isPresent() ? scans.checks(scan.get().id()) : List.of();
        return new ReportBuilder.Night(date, since, asOf, scan.map(ScanRun::id).orElse(null), checks);
    }

    /** End of a day without a scan, but never in the future (today's report shows the state now). */
    private Instant endOf(LocalDate d) {
        Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        return end.isAfter(now) ? now : end;
    }

    private byte[] thumbnail(CameraCheckRow row) {
        try {
            Optional<Path> p = scans.thumbnail(row);
            return p.isPresent() ? Files.readAllBytes(p.get()) : null;
        } catch (IOException e) {
            return null; // a report without one picture is still a report
        }
    }
}
