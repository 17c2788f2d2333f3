package cn.xuncha.cases;

/** What one finding does to the cases of its camera, decided by {@link CaseRules}. */
public sealed interface FindingOutcome {
    /** a new case; {@code reboundOf} is the closed case it re-appeared after, or null */
    record Opened(CaseRecord created, Long reboundOf) implements FindingOutcome {}

    /** an open case saw its object again; {@code betterEvidence} when this finding's evidence replaces the best one */
    record Updated(CaseRecord before, CaseRecord after, boolean betterEvidence) implements FindingOutcome {}

    /** the camera no longer sees the object: clearance recorded on the case (自动核查) */
    record Cleared(CaseRecord after) implements FindingOutcome {}

    /** a look-alike of a dismissed false alarm */
    record Suppressed(Suppression by) implements FindingOutcome {}

    /** nothing to do, e.g. a clearance for an object no open case tracks */
    record Ignored(String reason) implements FindingOutcome {}
}
