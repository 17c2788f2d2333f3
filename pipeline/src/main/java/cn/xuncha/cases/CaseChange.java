package cn.xuncha.cases;

/**
 * A small notice that a case changed, published on {@code xuncha.cases.changed} for the live UI and notifiers.
 *
 * @param kind OPENED, UPDATED (better evidence / re-appeared), CLEARED, OVERDUE, or the transition's action name
 */
public record CaseChange(long caseId, String kind, CaseState state, String category, String cameraId, String pointId, String unit,
                         boolean rebound) {
    public static CaseChange of(String kind, CaseRecord c) {
        return new CaseChange(c.id(), kind, c.state(), c.category().code(), c.cameraId(), c.pointId(), c.unit(), c.rebound());
    }
}
