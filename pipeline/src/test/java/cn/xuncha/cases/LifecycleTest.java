package cn.xuncha.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LifecycleTest {
    @Test
    void happyPathFollowsGbt30428() {
        CaseState s = CaseState.PENDING;
        for (CaseAction a : new CaseAction[] {CaseAction.CONFIRM, CaseAction.DISPATCH, CaseAction.RECTIFY, CaseAction.CLOSE}) {
            s = Lifecycle.next(s, a);
        }
        assertEquals(CaseState.CLOSED, s);
    }

    @Test
    void failedVerificationGoesBackToDispatched() {
        assertEquals(CaseState.DISPATCHED, Lifecycle.next(CaseState.RECTIFIED, CaseAction.REJECT));
        assertEquals(CaseState.DISMISSED, Lifecycle.next(CaseState.PENDING, CaseAction.DISMISS));
    }

    @Test
    void illegalTransitionNamesWhatIsAllowed() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> Lifecycle.next(CaseState.PENDING, CaseAction.CLOSE));
        assertTrue(e.getMessage().contains("PENDING") && e.getMessage().contains("CONFIRM → CONFIRMED"), e.getMessage());
        assertThrows(IllegalTransitionException.class, () -> Lifecycle.next(CaseState.CLOSED, CaseAction.REJECT));
        assertThrows(IllegalTransitionException.class, () -> Lifecycle.next(CaseState.DISMISSED, CaseAction.CONFIRM));
        assertThrows(IllegalTransitionException.class, () -> Lifecycle.next(CaseState.CONFIRMED, CaseAction.RECTIFY));
    }

    @Test
    void everyStateActionPairIsEitherAllowedOrRefused() {
        int allowed = 0;
        for (CaseState s : CaseState.values()) {
            for (CaseAction a : CaseAction.values()) {
                try {
                    CaseState to = Lifecycle.next(s, a);
                    assertEquals(a, Lifecycle.actionFor(s, to));
                    allowed++;
                } catch (IllegalTransitionException expected) {
                    // refused with a message, never another exception
                }
            }
        }
        assertEquals(6, allowed);
    }

    @Test
    void targetStateMapsToAction() {
        assertEquals(CaseAction.REJECT, Lifecycle.actionFor(CaseState.RECTIFIED, CaseState.DISPATCHED));
        assertThrows(IllegalTransitionException.class, () -> Lifecycle.actionFor(CaseState.PENDING, CaseState.CLOSED));
    }
}
