package cn.xuncha.scan;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scans every target with bounded concurrency and records the run. Knows nothing of Vert.x: the verticle (or the
 * CLI) decides when to run and makes sure only one scan runs at a time.
 */
public final class Scanner {
    /** Progress callback, called on the scanning thread after each camera. */
    @FunctionalInterface
    public interface Listener {
        void cameraDone(CameraScanResult result, int done, int total, int failed);
    }

    /** Track ids of one scan start at scanId × this, so tracks of different nights never look like the same object. */
    static final long TRACKS_PER_SCAN = 1_000_000L;
    private final ScanSettings settings;
    private final CameraScan cameraScan;
    private final ScanStore store;
    private final Clock clock;

    public Scanner(ScanSettings settings, FrameGrabber grabber, ReferenceStore references, ScanAnalyzer analyzer,
                   CaseGateway cases, ScanStore store, Clock clock) {
        this.settings = settings;
        this.cameraScan = new CameraScan(grabber, new CameraChecks(settings.thresholds()), references, analyzer, cases, clock);
        this.store = store;
        this.clock = clock;
    }

    public ScanSummary run(String trigger, List<ScanTarget> targets, Listener listener) throws SQLException, InterruptedException, ScanFailedException {
        Instant start = clock.instant();
        LocalDate date = LocalDate.ofInstant(start, settings.zone());
        long scanId = store.start(date, trigger, start, targets.size());
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(),
                r -> {
                    Thread th = new Thread(r, "scan-" + scanId + "-" + n.incrementAndGet());
                    th.setDaemon(true);
                    return th;
                });
        int failed = 0, findings = 0, cleared = 0, done = 0;
        TreeMap<String, Integer> statuses = new TreeMap<>();
        try {
            ExecutorCompletionService<CameraScanResult> ecs = new ExecutorCompletionService<>(pool);
            for (ScanTarget t : targets) ecs.submit(() -> cameraScan.scan(t, scanId * TRACKS_PER_SCAN));
            for (int i = 0; i < targets.size(); i++) {
                CameraScanResult r = ecs.take().get();
                store.record(scanId, r);
                done++;
                if (r.failed()) failed++;
                findings += r.findings();
                cleared += r.cleared();
                statuses.merge(r.status(), 1, Integer::sum);
                listener.cameraDone(r, done, targets.size(), failed);
            }
        } catch (ExecutionException | IOException | SQLException | InterruptedException | RuntimeException e) {
            store.finish(scanId, ScanRun.FAILED, clock.instant(), failed, findings, cleared, "after " + done + " cameras: " + e);
            if (e instanceof InterruptedException ie) throw ie;
            throw new ScanFailedException("scan " + scanId + " failed after " + done + " cameras: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
            awaitCameras(pool);
        }
        Instant end = clock.instant();
        store.finish(scanId, ScanRun.DONE, end, failed, findings, cleared, null);
        return new ScanSummary(scanId, date, targets.size(), failed, findings, cleared, statuses, Duration.between(start, end));
    }

    /**
     * Waits for cameras still being scanned after an interruption (bounded by the per-camera budget, which their
     * sources enforce), so that a stopped scan has stopped writing evidence and references when run returns.
     */
    private void awaitCameras(ExecutorService pool) {
        boolean wasInterrupted = Thread.interrupted(); // awaitTermination would return at once on a pending interrupt
        try {
            pool.awaitTermination(settings.cameraTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            wasInterrupted = true;
        } finally {
            if (wasInterrupted) Thread.currentThread().interrupt();
        }
    }
}
