package cn.xuncha.cases;

import static cn.xuncha.cases.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Evidence;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.service.CommandResult;
import cn.xuncha.cases.service.CommandResult.Status;
import cn.xuncha.cases.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise for real: PostgreSQL is stopped mid-run while findings keep coming, then started again.
 * Every finding must end up counted exactly once, and a transition made during the outage must land.
 */
class PostgresOutageIT {
    private static final int CAMERAS = 12;
    private static final int SAMPLES = 30; // per camera: 1 OPENED + 29 UPDATED

    @TempDir Path dir;

    @Test
    void findingsDuringOutageAreJournaledAndReplayedExactlyOnce() throws Exception {
        try (cn.xuncha.cases.store.LocalPostgres pg = PostgresServer.start(); Database db = Database.open(pg.storage(dir.toString()));
             CaseService service = new CaseService(db, dir, CasesConfig.DEFAULT, p -> "u", Clock.systemUTC(), c -> { })) {
            List<Finding> all = findings();
            Map<Status, Integer> statuses = new EnumMap<>(Status.class);
            int third = all.size() / 3;
            long firstCase = 0;
            for (int i = 0; i < all.size(); i++) {
                if (i == third) pg.stopServer();
                if (i == 2 * third) pg.startServer();
                CommandResult r = service.ingest(all.get(i)).get(30, TimeUnit.SECONDS);
                statuses.merge(r.status(), 1, Integer::sum);
                if (i == 0) firstCase = r.changes().get(0).caseId();
                if (i == third + 5) { // a reviewer acts during the outage
                    CommandResult t = service.transition(new TransitionRequest(firstCase, CaseAction.CONFIRM, "reviewer", "during outage",
                            null, null, null, null), "confirm-during-outage").get(30, TimeUnit.SECONDS);
                    assertEquals(Status.JOURNALED, t.status());
                }
            }
            assertTrue(statuses.getOrDefault(Status.JOURNALED, 0) >= third - 1, "outage third was journaled: " + statuses);
            awaitReplay(service);
            // re-delivering findings (the analysis stage retrying) must not count them twice
            for (int i = third; i < third + 10; i++) assertEquals(Status.DUPLICATE, service.ingest(all.get(i)).get(30, TimeUnit.SECONDS).status());

            List<CaseRecord> cases = service.list(CaseQuery.all()).items();
            assertEquals(CAMERAS, cases.size(), "one case per object, none lost, none duplicated");
            assertEquals(CAMERAS * SAMPLES, cases.stream().mapToInt(CaseRecord::detections).sum(), "every detection counted once");
            assertEquals(CaseState.CONFIRMED, service.detail(firstCase).orElseThrow().record().state());
            assertEquals(List.of("OPENED", "CONFIRM"),
                    service.detail(firstCase).orElseThrow().history().stream().map(CaseEvent::action).toList());
        }
    }

    private static void awaitReplay(CaseService service) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (service.degraded() && System.nanoTime() < deadline) Thread.sleep(100);
        assertTrue(!service.degraded(), "journal replayed within 60 s of the database returning");
    }

    /** Interleaved per camera in time order, each object in its own camera view. */
    private static List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (int s = 0; s < SAMPLES; s++) {
            for (int c = 0; c < CAMERAS; c++) {
                out.add(new Finding("cam-" + c, "P-" + c, 1, s == 0 ? FindingEvent.OPENED : FindingEvent.UPDATED, Category.LITTER,
                        0.5 + s * 0.01, new Box(100 + s % 3, 100, 40, 40), T0.plusSeconds(s * 5L), Evidence.NONE));
            }
        }
        return out;
    }
}
