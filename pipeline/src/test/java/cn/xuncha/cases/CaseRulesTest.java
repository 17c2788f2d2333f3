package cn.xuncha.cases;

import static cn.xuncha.cases.Fixtures.T0;
import static cn.xuncha.cases.Fixtures.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseRulesTest {
    private final CaseRules rules = new CaseRules(CasesConfig.DEFAULT);
    private final Box box = new Box(100, 100, 50, 40);

    private FindingOutcome apply(Finding f, CameraCases known) {
        return rules.apply(f, known, "城管一中队", () -> null);
    }

    private CaseRecord open(long id, long track, Box b) {
        FindingOutcome.Opened o = (FindingOutcome.Opened) apply(finding("c1", track, FindingEvent.OPENED, Category.LITTER, 0.7, b, T0), CameraCases.EMPTY);
        return o.created().withId(id);
    }

    @Test
    void firstFindingOpensPendingCaseWithPointUnit() {
        FindingOutcome o = apply(finding("c1", 1, FindingEvent.OPENED, Category.LITTER, 0.7, box, T0), CameraCases.EMPTY);
        CaseRecord c = assertInstanceOf(FindingOutcome.Opened.class, o).created();
        assertEquals(CaseState.PENDING, c.state());
        assertEquals("城管一中队", c.unit());
        assertEquals(1, c.detections());
        assertEquals(T0, c.firstSeen());
        assertFalse(c.rebound());
    }

    @Test
    void repeatedFindingOfSameTrackUpdatesOneCase() {
        CaseRecord c = open(5, 1, box);
        Finding again = finding("c1", 1, FindingEvent.UPDATED, Category.LITTER, 0.9, new Box(104, 98, 50, 40), T0.plusSeconds(30));
        FindingOutcome.Updated u = assertInstanceOf(FindingOutcome.Updated.class, apply(again, new CameraCases(List.of(c), List.of(), List.of())));
        assertEquals(5, u.after().id());
        assertEquals(2, u.after().detections());
        assertEquals(T0, u.after().firstSeen());
        assertEquals(T0.plusSeconds(30), u.after().lastSeen());
        assertTrue(u.betterEvidence(), "0.9 beats 0.7");
        assertEquals(0.9, u.after().bestScore());
    }

    @Test
    void newTrackIdWithOverlappingBoxStillMatchesAfterRestart() {
        CaseRecord c = open(5, 1, box);
        Finding fresh = finding("c1", 77, FindingEvent.OPENED, Category.LITTER, 0.5, new Box(110, 105, 50, 40), T0.plusSeconds(600));
        FindingOutcome.Updated u = assertInstanceOf(FindingOutcome.Updated.class, apply(fresh, new CameraCases(List.of(c), List.of(), List.of())));
        assertFalse(u.betterEvidence(), "0.5 does not beat 0.7");
        assertEquals(77, u.after().trackId());
    }

    @Test
    void aFragmentInsideAnOpenCasesBoxIsTheSameObject() {
        CaseRecord c = open(5, 1, new Box(100, 100, 200, 160));
        Finding fragment = finding("c1", 9, FindingEvent.OPENED, Category.LITTER, 0.6, new Box(120, 150, 50, 40), T0.plusSeconds(60));
        FindingOutcome.Updated u = assertInstanceOf(FindingOutcome.Updated.class, apply(fragment, new CameraCases(List.of(c), List.of(), List.of())));
        assertEquals(c.box(), u.after().box(), "the fragment does not shrink the case's box");
        assertEquals(1, u.after().trackId(), "nor take over its track");
        Finding fragmentGone = finding("c1", 9, FindingEvent.CLOSED, Category.LITTER, 0.6, new Box(120, 150, 50, 40), T0.plusSeconds(120));
        assertInstanceOf(FindingOutcome.Ignored.class, apply(fragmentGone, new CameraCases(List.of(c), List.of(), List.of())),
                "a vanished fragment does not clear the bag");
        Finding beside = finding("c1", 10, FindingEvent.OPENED, Category.LITTER, 0.6, new Box(280, 150, 50, 40), T0.plusSeconds(60));
        assertInstanceOf(FindingOutcome.Opened.class, apply(beside, new CameraCases(List.of(c), List.of(), List.of())),
                "a box only 40 % inside is another object");
    }

    @Test
    void differentCategoryOrFarBoxOrOtherCameraOpensAnotherCase() {
        CaseRecord c = open(5, 1, box);
        CameraCases known = new CameraCases(List.of(c), List.of(), List.of());
        assertInstanceOf(FindingOutcome.Opened.class, apply(finding("c1", 1, FindingEvent.OPENED, Category.PILING, 0.7, box, T0), known));
        assertInstanceOf(FindingOutcome.Opened.class, apply(finding("c1", 2, FindingEvent.OPENED, Category.LITTER, 0.7, new Box(400, 400, 50, 40), T0), known));
        assertInstanceOf(FindingOutcome.Opened.class, apply(finding("c2", 1, FindingEvent.OPENED, Category.LITTER, 0.7, box, T0), known));
    }

    @Test
    void closedFindingRecordsClearanceAndReappearanceClearsIt() {
        CaseRecord c = open(5, 1, box);
        Finding gone = finding("c1", 1, FindingEvent.CLOSED, Category.LITTER, 0.0, box, T0.plusSeconds(90));
        CaseRecord cleared = assertInstanceOf(FindingOutcome.Cleared.class, apply(gone, new CameraCases(List.of(c), List.of(), List.of()))).after();
        assertEquals(T0.plusSeconds(90), cleared.clearedAt());
        Finding back = finding("c1", 9, FindingEvent.OPENED, Category.LITTER, 0.6, box, T0.plusSeconds(200));
        FindingOutcome.Updated u = assertInstanceOf(FindingOutcome.Updated.class, apply(back, new CameraCases(List.of(cleared), List.of(), List.of())));
        assertNull(u.after().clearedAt());
    }

    @Test
    void clearanceWithoutOpenCaseIsIgnored() {
        assertInstanceOf(FindingOutcome.Ignored.class, apply(finding("c1", 1, FindingEvent.CLOSED, Category.LITTER, 0, box, T0), CameraCases.EMPTY));
    }

    @Test
    void sameCategorySamePlaceWithinWindowOfClosureIsReboundAgainstUnit() {
        CaseRecord closed = closedCase(9, T0, "环卫所");
        Finding f = finding("c1", 3, FindingEvent.OPENED, Category.LITTER, 0.8, new Box(105, 100, 50, 40), T0.plus(Duration.ofDays(6)));
        FindingOutcome.Opened o = assertInstanceOf(FindingOutcome.Opened.class, apply(f, new CameraCases(List.of(), List.of(closed), List.of())));
        assertEquals(9L, o.reboundOf());
        assertTrue(o.created().rebound());
        assertEquals("环卫所", o.created().unit(), "a rebound counts against the unit that rectified");
    }

    @Test
    void theWholeBagBackWhereOnlyAPartOfItWasClosedIsARebound() {
        CaseRecord c = closedCase(8, T0, "u");
        CaseRecord closed = new CaseRecord(8, c.cameraId(), c.pointId(), c.category(), c.detectedCategory(), CaseState.CLOSED, "u", 1,
                new Box(127, 151, 27, 26), 0.7, 3, T0.minusSeconds(3600), T0.minusSeconds(600), T0.minusSeconds(600), null, false, null, null, T0, T0);
        Finding whole = finding("c1", 4, FindingEvent.OPENED, Category.LITTER, 0.8, new Box(112, 132, 51, 55), closed.closedAt().plusSeconds(3600));
        FindingOutcome.Opened o = assertInstanceOf(FindingOutcome.Opened.class, apply(whole, new CameraCases(List.of(), List.of(closed), List.of())));
        assertEquals(closed.id(), o.reboundOf());
    }

    @Test
    void reappearanceAfterWindowOrOtherCategoryIsNotRebound() {
        CaseRecord closed = closedCase(9, T0, "环卫所");
        CameraCases known = new CameraCases(List.of(), List.of(closed), List.of());
        Finding late = finding("c1", 3, FindingEvent.OPENED, Category.LITTER, 0.8, box, T0.plus(Duration.ofDays(8)));
        assertNull(((FindingOutcome.Opened) apply(late, known)).reboundOf());
        Finding other = finding("c1", 3, FindingEvent.OPENED, Category.STREET_VENDING, 0.8, box, T0.plus(Duration.ofDays(1)));
        assertNull(((FindingOutcome.Opened) apply(other, known)).reboundOf());
    }

    @Test
    void dismissedLookAlikeIsSuppressedUntilExpiry() {
        long hash = 0x0F0F0F0F0F0F0F0FL;
        Suppression s = new Suppression(1, "c1", box, hash, 5, T0, T0.plus(Duration.ofHours(24)));
        CameraCases known = new CameraCases(List.of(), List.of(), List.of(s));
        Finding f = finding("c1", 4, FindingEvent.OPENED, Category.LITTER, 0.8, box, T0.plusSeconds(60));
        assertInstanceOf(FindingOutcome.Suppressed.class, rules.apply(f, known, "u", () -> hash ^ 0b111));
        assertInstanceOf(FindingOutcome.Opened.class, rules.apply(f, known, "u", () -> ~hash), "different appearance is raised");
        Finding later = finding("c1", 4, FindingEvent.OPENED, Category.LITTER, 0.8, box, T0.plus(Duration.ofHours(25)));
        assertInstanceOf(FindingOutcome.Opened.class, rules.apply(later, known, "u", () -> hash), "suppression expired");
    }

    private CaseRecord closedCase(long id, Instant closedAt, String unit) {
        CaseRecord c = open(id, 1, box);
        return new CaseRecord(id, c.cameraId(), c.pointId(), c.category(), c.detectedCategory(), CaseState.CLOSED, unit, 1, box, 0.7, 3,
                T0.minusSeconds(3600), T0.minusSeconds(600), T0.minusSeconds(600), null, false, null, null, closedAt, closedAt);
    }
}
