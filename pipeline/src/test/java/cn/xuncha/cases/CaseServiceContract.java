package cn.xuncha.cases;

import static cn.xuncha.cases.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Evidence;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import cn.xuncha.cases.service.CaseDetail;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.service.CommandResult;
import cn.xuncha.cases.service.CommandResult.Status;
import cn.xuncha.cases.store.Database;
import cn.xuncha.config.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases stage against a real database; subclasses choose H2 or PostgreSQL. */
abstract class CaseServiceContract {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(1)));
    final List<CaseChange> changes = new CopyOnWriteArrayList<>();
    final Box box = new Box(200, 150, 60, 40);
    Database db;
    CaseService service;

    abstract StorageConfig storage(String dataDir);

    /** A fresh schema per test: PostgreSQL shares one server, so drop what an earlier test left. */
    void resetSchema(Database db) throws Exception {}

    @BeforeEach
    void open() throws Exception {
        db = Database.open(storage(dir.toString()));
        resetSchema(db);
        service = newService(CasesConfig.DEFAULT);
    }

    CaseService newService(CasesConfig cfg) {
        return new CaseService(db, dir, cfg, p -> "unit-of-" + p, clock, changes::addAll);
    }

    @AfterEach
    void close() {
        service.close();
        db.close();
    }

    CommandResult ingest(Finding f) throws Exception {
        return service.ingest(f).get(10, TimeUnit.SECONDS);
    }

    CommandResult act(long id, CaseAction a, String note, Instant deadline) throws Exception {
        return service.transition(new TransitionRequest(id, a, "巡查员", note, null, deadline, null, null), null).get(10, TimeUnit.SECONDS);
    }

    Finding seen(long track, FindingEvent ev, double score, Box b, Instant at, int crop) {
        return new Finding("cam-1", "P-1", track, ev, Category.EXPOSED_GARBAGE, score, b, at,
                new Evidence(Fixtures.jpeg(crop + 1000, 320, 240), Fixtures.jpeg(crop, 64, 48), Fixtures.jpeg(crop + 2000, 320, 240)));
    }

    List<CaseRecord> all() throws Exception {
        return service.list(CaseQuery.all()).items();
    }

    @Test
    void repeatedDetectionsUpdateOneCaseAcrossRestart() throws Exception {
        ingest(seen(1, FindingEvent.OPENED, 0.6, box, T0, 1));
        for (int i = 1; i <= 3; i++) ingest(seen(1, FindingEvent.UPDATED, 0.6 + i * 0.1, box, T0.plusSeconds(10L * i), 1));
        service.close();
        service = newService(CasesConfig.DEFAULT); // restart: analysis restarted too, new track id
        ingest(seen(42, FindingEvent.OPENED, 0.5, new Box(205, 152, 60, 40), T0.plusSeconds(100), 1));
        List<CaseRecord> cases = all();
        assertEquals(1, cases.size());
        CaseRecord c = cases.get(0);
        assertEquals(5, c.detections());
        assertEquals(T0, c.firstSeen());
        assertEquals(T0.plusSeconds(100), c.lastSeen());
        assertEquals(0.9, c.bestScore(), 1e-9);
        assertEquals("unit-of-P-1", c.unit());
        CaseDetail d = service.detail(c.id()).orElseThrow();
        assertEquals(3, d.evidence().size());
        assertTrue(Files.isRegularFile(service.evidenceFile(d.evidence().get(EvidenceKind.CROP)).orElseThrow()));
    }

    @Test
    void lifecycleIsAuditedAndIllegalMovesRefused() throws Exception {
        long id = ingest(seen(1, FindingEvent.OPENED, 0.8, box, T0, 1)).changes().get(0).caseId();
        assertEquals(Status.ILLEGAL_TRANSITION, act(id, CaseAction.CLOSE, null, null).status());
        assertEquals(Status.NOT_FOUND, act(id + 999, CaseAction.CONFIRM, null, null).status());
        assertEquals(Status.APPLIED, act(id, CaseAction.CONFIRM, null, null).status());
        assertEquals(Status.INVALID, act(id, CaseAction.DISPATCH, null, null).status(), "no deadline");
        assertEquals(Status.APPLIED, act(id, CaseAction.DISPATCH, null, clock.instant().plus(Duration.ofDays(1))).status());
        CommandResult rect = service.transition(new TransitionRequest(id, CaseAction.RECTIFY, "环卫所", "已清运", null, null, null,
                Fixtures.jpeg(77, 100, 80)), "rectify-1").get(10, TimeUnit.SECONDS);
        assertEquals(CaseState.RECTIFIED, rect.after().state());
        assertEquals(Status.APPLIED, act(id, CaseAction.REJECT, "仍有残留", null).status());
        assertEquals(Status.APPLIED, act(id, CaseAction.RECTIFY, "再次清运", null).status());
        assertEquals(Status.APPLIED, act(id, CaseAction.CLOSE, "核查通过", null).status());
        CaseDetail d = service.detail(id).orElseThrow();
        assertEquals(CaseState.CLOSED, d.record().state());
        List<String> actions = d.history().stream().map(CaseEvent::action).toList();
        assertEquals(List.of("OPENED", "CONFIRM", "DISPATCH", "RECTIFY", "REJECT", "RECTIFY", "CLOSE"), actions);
        CaseEvent reject = d.history().get(4);
        assertEquals(CaseState.RECTIFIED, reject.from());
        assertEquals(CaseState.DISPATCHED, reject.to());
        assertEquals("巡查员", reject.actor());
        assertEquals("仍有残留", reject.note());
        assertNotNull(d.evidence().get(EvidenceKind.RECTIFICATION));
    }

    @Test
    void clearanceThenReboundAfterClosureIsLinkedAndCountedAgainstUnit() throws Exception {
        long id = ingest(seen(1, FindingEvent.OPENED, 0.8, box, T0, 1)).changes().get(0).caseId();
        ingest(seen(1, FindingEvent.CLOSED, 0.0, box, T0.plusSeconds(600), 1));
        CaseDetail cleared = service.detail(id).orElseThrow();
        assertEquals(T0.plusSeconds(600), cleared.record().clearedAt());
        assertNotNull(cleared.evidence().get(EvidenceKind.CLEARANCE));
        act(id, CaseAction.CONFIRM, null, null);
        service.transition(new TransitionRequest(id, CaseAction.DISPATCH, "r", null, "环卫所", clock.instant().plusSeconds(86400), null, null), null).get();
        act(id, CaseAction.RECTIFY, "done", null);
        act(id, CaseAction.CLOSE, null, null);
        Instant closedAt = clock.instant();
        CommandResult r = ingest(seen(5, FindingEvent.OPENED, 0.7, box, closedAt.plus(Duration.ofDays(2)), 3));
        CaseRecord rebound = service.detail(r.changes().get(0).caseId()).orElseThrow().record();
        assertEquals(id, rebound.reboundOf());
        assertEquals("环卫所", rebound.unit());
        assertEquals(1, service.list(new CaseQuery(null, "环卫所", null, null, null, 0, 10, true)).items().stream()
                .filter(CaseRecord::rebound).count());
    }

    @Test
    void dismissedLookAlikeIsSuppressedButOtherObjectIsNot() throws Exception {
        long id = ingest(seen(1, FindingEvent.OPENED, 0.8, box, T0, 1)).changes().get(0).caseId();
        act(id, CaseAction.DISMISS, "阴影", null);
        assertTrue(ingest(seen(2, FindingEvent.OPENED, 0.8, box, clock.instant().plusSeconds(60), 1)).changes().isEmpty());
        assertEquals(1, all().size());
        ingest(seen(3, FindingEvent.OPENED, 0.8, box, clock.instant().plusSeconds(60), 9)); // different look
        assertEquals(2, all().size());
    }

    @Test
    void overdueIsMarkedOnceAndDuplicateFindingAppliedOnce() throws Exception {
        Finding f = seen(1, FindingEvent.OPENED, 0.8, box, T0, 1);
        long id = ingest(f).changes().get(0).caseId();
        assertEquals(Status.DUPLICATE, ingest(f).status());
        act(id, CaseAction.CONFIRM, null, null);
        act(id, CaseAction.DISPATCH, null, clock.instant().plus(Duration.ofHours(1)));
        assertTrue(service.markOverdue().get().changes().isEmpty());
        clock.advance(Duration.ofHours(2));
        assertEquals(1, service.markOverdue().get().changes().size());
        assertTrue(service.markOverdue().get().changes().isEmpty(), "marked once");
        CaseDetail d = service.detail(id).orElseThrow();
        assertTrue(d.record().overdue());
        assertEquals(1, d.record().detections());
        assertTrue(changes.stream().anyMatch(c -> c.kind().equals("OVERDUE") && c.caseId() == id));
    }

    @Test
    void retentionPurgesEvidenceOfDismissedCasesButKeepsSharedFiles() throws Exception {
        long a = ingest(seen(1, FindingEvent.OPENED, 0.8, box, T0, 1)).changes().get(0).caseId();
        Finding other = new Finding("cam-1", "P-1", 2, FindingEvent.OPENED, Category.EXPOSED_GARBAGE, 0.8, new Box(600, 400, 50, 50), T0,
                new Evidence(Fixtures.jpeg(5001, 320, 240), Fixtures.jpeg(1, 64, 48), null)); // same crop bytes as case a
        long b = ingest(other).changes().get(0).caseId();
        act(a, CaseAction.DISMISS, "误报", null);
        String crop = service.detail(a).orElseThrow().evidence().get(EvidenceKind.CROP);
        clock.advance(Duration.ofDays(31));
        int deleted = service.purgeEvidence();
        assertEquals(2, deleted, "frame and reference of the dismissed case; the crop is shared with case " + b);
        assertTrue(service.detail(a).orElseThrow().evidence().isEmpty());
        assertTrue(service.evidenceFile(crop).isPresent());
        assertFalse(service.detail(b).orElseThrow().evidence().isEmpty());
    }

    @Test
    void findingAppliedBeforeRestartIsADuplicateAfterIt() throws Exception {
        Finding f = seen(1, FindingEvent.OPENED, 0.8, box, T0, 1);
        assertEquals(Status.APPLIED, ingest(f).status());
        ingest(seen(1, FindingEvent.UPDATED, 0.8, box, T0.plusSeconds(5), 1));
        service.close();
        service = newService(CasesConfig.DEFAULT); // the writer's index and track marks come back from the database
        assertEquals(Status.DUPLICATE, ingest(f).status(), "re-delivered after a restart");
        assertEquals(Status.DUPLICATE, ingest(seen(1, FindingEvent.UPDATED, 0.8, box, T0.plusSeconds(5), 1)).status());
        assertEquals(Status.APPLIED, ingest(seen(1, FindingEvent.UPDATED, 0.8, box, T0.plusSeconds(10), 1)).status());
        assertEquals(3, all().get(0).detections());
    }

    @Test
    void secondWriterChangeIsNotOverwrittenByTheFirstWritersIndex() throws Exception {
        long id = ingest(seen(1, FindingEvent.OPENED, 0.8, box, T0, 1)).changes().get(0).caseId();
        try (CaseService other = newService(CasesConfig.DEFAULT)) { // e.g. a second node on the same database
            assertEquals(Status.APPLIED, other.transition(new TransitionRequest(id, CaseAction.CONFIRM, "r", null, null, null, null, null), null)
                    .get(10, TimeUnit.SECONDS).status());
        }
        // the first writer still holds the PENDING version: its update must notice, reload, and keep the confirmation
        assertEquals(Status.APPLIED, ingest(seen(1, FindingEvent.UPDATED, 0.9, box, T0.plusSeconds(5), 1)).status());
        CaseRecord c = service.detail(id).orElseThrow().record();
        assertEquals(CaseState.CONFIRMED, c.state());
        assertEquals(2, c.detections());
        assertEquals(0.9, c.bestScore(), 1e-9);
    }

    @Test
    void reviewedCasesExportAsLabelledCrops() throws Exception {
        long confirmed = ingest(seen(1, FindingEvent.OPENED, 0.8, box, T0, 11)).changes().get(0).caseId();
        long dismissed = ingest(seen(2, FindingEvent.OPENED, 0.8, new Box(600, 300, 50, 50), T0, 12)).changes().get(0).caseId();
        long pending = ingest(seen(3, FindingEvent.OPENED, 0.8, new Box(10, 10, 50, 50), T0, 13)).changes().get(0).caseId();
        service.transition(new TransitionRequest(confirmed, CaseAction.CONFIRM, "r", null, null, null, Category.PILING, null), null).get();
        act(dismissed, CaseAction.DISMISS, "影子", null);
        Path out = dir.resolve("reviews");
        cn.xuncha.cases.service.ReviewExport.Result r = service.exportReviews(out);
        assertEquals(2, r.written());
        List<String> lines = Files.readAllLines(out.resolve("labels.csv"));
        assertEquals(List.of("file,label,category", "case-" + confirmed + ".jpg,1,piling", "case-" + dismissed + ".jpg,0,"), lines);
        String crop = service.detail(confirmed).orElseThrow().evidence().get(EvidenceKind.CROP);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(service.evidenceFile(crop).orElseThrow()),
                Files.readAllBytes(out.resolve("case-" + confirmed + ".jpg"))), "the crop itself");
        assertFalse(Files.exists(out.resolve("case-" + pending + ".jpg")), "not reviewed yet");
    }
}
