package cn.xuncha.cli;

import cn.xuncha.cases.store.Database;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.report.ReportFormat;
import cn.xuncha.report.ReportService;
import cn.xuncha.scan.ScanSettings;
import cn.xuncha.scan.ScanStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xuncha report --date D --format xlsx|csv|html [--out FILE]}: renders (and archives) the morning report of a date. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write the morning report of a date (archived too).")
public final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "report date (the scan night), or 'today'")
    String date;

    @Option(names = "--format", defaultValue = "html", description = "html, xlsx or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "also copy the report to FILE")
    Path out;

    @Override
    public Integer call() throws Exception {
        ScanSettings settings = ScanSettings.DEFAULT;
        LocalDate d;
        ReportFormat f;
        try {
            d = "today".equalsIgnoreCase(date) ? LocalDate.now(settings.zone()) : LocalDate.parse(date);
            f = ReportFormat.parse(format);
        } catch (DateTimeParseException e) {
            spec.commandLine().getErr().println("xuncha report: --date must be YYYY-MM-DD or 'today', got '" + date + "'");
            return 2;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("xuncha report: " + e.getMessage());
            return 2;
        }
        XunchaConfig cfg = config.loadOrReport();
        if (cfg == null) return 2;
        try (Database db = Database.open(cfg.storage())) {
            ScanStore scans = new ScanStore(db.dataSource(), Path.of(cfg.storage().dataDir()));
            Path file = new ReportService(cfg, db.dataSource(), scans, settings.zone(), Clock.systemUTC()).generate(d, f);
            if (out != null) {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
                file = out;
            }
            spec.commandLine().getOut().println(file);
        }
        return 0;
    }
}
