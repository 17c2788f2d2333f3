package cn.xuncha.cases;

import static cn.xuncha.cases.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseTransitionsTest {
    private final CaseTransitions t = new CaseTransitions(CasesConfig.DEFAULT);
    private final Instant now = T0.plusSeconds(3600);

    private CaseRecord pending() {
        return new CaseRecord(7, "c1", "P1", Category.LITTER, Category.LITTER, CaseState.PENDING, "一中队", 1, new Box(0, 0, 10, 10), 0.8, 4,
                T0, T0, null, null, false, null, 42L, null, T0);
    }

    private TransitionRequest req(CaseAction a) {
        return new TransitionRequest(7, a, "reviewer1", null, null, null, null, null);
    }

    @Test
    void confirmWithCategoryCorrectionIsAudited() {
        TransitionResult r = t.apply(pending(), new TransitionRequest(7, CaseAction.CONFIRM, "张三", "确认", null, null, Category.PILING, null), now);
        assertEquals(CaseState.CONFIRMED, r.after().state());
        assertEquals(Category.PILING, r.after().category());
        assertEquals(Category.LITTER, r.after().detectedCategory());
        assertEquals("张三", r.event().actor());
        assertEquals(CaseState.PENDING, r.event().from());
        assertEquals(CaseState.CONFIRMED, r.event().to());
        assertEquals(now, r.event().at());
        assertTrue(r.event().note().contains("litter → piling"), r.event().note());
        assertNull(r.suppression());
    }

    @Test
    void dispatchNeedsFutureDeadlineAndMayReassignUnit() {
        CaseRecord confirmed = t.apply(pending(), req(CaseAction.CONFIRM), now).after();
        assertThrows(IllegalArgumentException.class, () -> t.apply(confirmed, req(CaseAction.DISPATCH), now));
        assertThrows(IllegalArgumentException.class, () -> t.apply(confirmed,
                new TransitionRequest(7, CaseAction.DISPATCH, "r", null, null, now.minusSeconds(1), null, null), now));
        TransitionResult r = t.apply(confirmed, new TransitionRequest(7, CaseAction.DISPATCH, "r", null, "街道办", now.plus(Duration.ofDays(1)), null, null), now);
        assertEquals(CaseState.DISPATCHED, r.after().state());
        assertEquals("街道办", r.after().unit());
        assertTrue(r.after().isOverdueAt(now.plus(Duration.ofDays(2))));
    }

    @Test
    void rectifyAndRejectNeedANote() {
        CaseRecord c = t.apply(pending(), req(CaseAction.CONFIRM), now).after();
        c = t.apply(c, new TransitionRequest(7, CaseAction.DISPATCH, "r", null, null, now.plusSeconds(7200), null, null), now).after();
        CaseRecord dispatched = c;
        assertThrows(IllegalArgumentException.class, () -> t.apply(dispatched, req(CaseAction.RECTIFY), now));
        CaseRecord rectified = t.apply(c, new TransitionRequest(7, CaseAction.RECTIFY, "unit", "已清理", null, null, null, null), now).after();
        assertThrows(IllegalArgumentException.class, () -> t.apply(rectified, req(CaseAction.REJECT), now));
        CaseRecord back = t.apply(rectified, new TransitionRequest(7, CaseAction.REJECT, "r", "仍有垃圾", null, null, null, null), now).after();
        assertEquals(CaseState.DISPATCHED, back.state());
        CaseRecord closed = t.apply(t.apply(back, new TransitionRequest(7, CaseAction.RECTIFY, "u", "再次清理", null, null, null, null), now).after(),
                req(CaseAction.CLOSE), now).after();
        assertEquals(CaseState.CLOSED, closed.state());
        assertEquals(now, closed.closedAt());
    }

    @Test
    void dismissCreatesTimedSuppressionAtTheSpot() {
        TransitionResult r = t.apply(pending(), req(CaseAction.DISMISS), now);
        assertEquals(CaseState.DISMISSED, r.after().state());
        assertNotNull(r.suppression());
        assertEquals(now.plus(CasesConfig.DEFAULT.suppression()), r.suppression().until());
        assertEquals(42L, r.suppression().appearanceHash());
    }

    @Test
    void refusesIllegalTransitionsAndMissingActor() {
        assertThrows(IllegalTransitionException.class, () -> t.apply(pending(), req(CaseAction.CLOSE), now));
        assertThrows(IllegalArgumentException.class, () -> t.apply(pending(), new TransitionRequest(7, CaseAction.CONFIRM, " ", null, null, null, null, null), now));
        CaseRecord confirmed = t.apply(pending(), req(CaseAction.CONFIRM), now).after();
        assertThrows(IllegalArgumentException.class, () -> t.apply(confirmed,
                new TransitionRequest(7, CaseAction.DISPATCH, "r", null, null, now.plusSeconds(60), Category.PILING, null), now));
    }
}
