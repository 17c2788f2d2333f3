package cn.xuncha.cli;

import cn.xuncha.cases.CasesConfig;
import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.report.ReportFormat;
import cn.xuncha.scan.ScanConfigReader;
import cn.xuncha.scan.ScanSchedule;
import cn.xuncha.scan.ScanSettings;
import cn.xuncha.scan.ScanSummary;
import cn.xuncha.scan.ScanTarget;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xuncha scan --now}: one full scan of every camera with a progress bar, then the morning report files. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan every camera now (camera checks, garbage analysis, cases), then write the morning report.")
public final class ScanCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--now", description = "run a scan now (without it: show when the next scheduled scan is due)")
    boolean now;

    @Option(names = "--concurrency", description = "cameras scanned at once (default: scan.concurrency of the config, else 8)")
    Integer concurrency;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        XunchaConfig cfg = config.loadOrReport();
        if (cfg == null) return 2;
        if (concurrency != null && (concurrency < 1 || concurrency > 256)) {
            spec.commandLine().getErr().println("xuncha scan: --concurrency must be 1..256, got " + concurrency);
            return 2;
        }
        ScanSettings settings;
        CasesConfig cases;
        try {
            settings = ScanConfigReader.read(config.path());
            cases = new ConfigLoader(System.getenv()).loadCases(config.path());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("xuncha: invalid configuration " + e.getMessage());
            return 2;
        }
        if (concurrency != null) settings = settings.withConcurrency(concurrency);
        if (!now) {
            out.println("next scheduled scan: " + ScanSchedule.of(settings).nextSlot(Clock.systemUTC().instant()).atZone(settings.zone())
                    + " (use --now to scan now)");
            return 0;
        }
        List<ScanTarget> targets = ScanTarget.all(cfg);
        try (ScanSession s = new ScanSession(cfg, cases, settings, Clock.systemUTC())) {
            out.printf("scanning %d cameras at %d points (%d at once; classifier: %s)%n", targets.size(), cfg.points().size(),
                    settings.concurrency(), s.classifier.describe());
            out.flush();
            ScanSummary sum;
            try (ScanProgress progress = new ScanProgress(targets)) {
                sum = s.stage.scanner().run("cli", targets, progress);
            }
            out.printf("scan %d (%s): %d cameras, %d failed %s, %d findings, %d cases verified clear, %.1f s%n", sum.scanId(), sum.scanDate(),
                    sum.cameras(), sum.failed(), sum.statuses(), sum.findings(), sum.cleared(), sum.took().toMillis() / 1000.0);
            for (ReportFormat f : ReportFormat.values()) out.println("report: " + s.reports.generate(sum.scanDate(), f));
        }
        return 0;
    }
}
