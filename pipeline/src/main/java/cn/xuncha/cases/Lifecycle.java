package cn.xuncha.cases;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The allowed transitions of a case: from-state + action → to-state. Nothing else is legal. */
public final class Lifecycle {
    private static final Map<CaseState, Map<CaseAction, CaseState>> TABLE = new EnumMap<>(CaseState.class);

    static {
        allow(CaseState.PENDING, CaseAction.CONFIRM, CaseState.CONFIRMED);
        allow(CaseState.PENDING, CaseAction.DISMISS, CaseState.DISMISSED);
        allow(CaseState.CONFIRMED, CaseAction.DISPATCH, CaseState.DISPATCHED);
        allow(CaseState.DISPATCHED, CaseAction.RECTIFY, CaseState.RECTIFIED);
        allow(CaseState.RECTIFIED, CaseAction.CLOSE, CaseState.CLOSED);
        allow(CaseState.RECTIFIED, CaseAction.REJECT, CaseState.DISPATCHED);
    }

    private Lifecycle() {}

    private static void allow(CaseState from, CaseAction a, CaseState to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(CaseAction.class)).put(a, to);
    }

    /** The state after {@code action}, or an {@link IllegalTransitionException} naming what is allowed instead. */
    public static CaseState next(CaseState from, CaseAction action) {
        CaseState to = TABLE.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw new IllegalTransitionException("cannot " + action + " a case in state " + from + " (" + from.label() + "); allowed: "
                    + allowedText(from));
        }
        return to;
    }

    /** The action that moves {@code from} to {@code to}, for clients that name the target state. */
    public static CaseAction actionFor(CaseState from, CaseState to) {
        return TABLE.getOrDefault(from, Map.of()).entrySet().stream()
                .filter(e -> e.getValue() == to).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalTransitionException("cannot move a case from " + from + " to " + to + "; allowed: "
                        + allowedText(from)));
    }

    private static String allowedText(CaseState from) {
        Map<CaseAction, CaseState> m = TABLE.getOrDefault(from, Map.of());
        if (m.isEmpty()) return "nothing (" + from + " is final)";
        return m.entrySet().stream().map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.joining(", "));
    }
}
