package cn.xuncha.cases;

/** A legal transition: the changed case, its audit line, and the suppression a dismissal creates (else null). */
public record TransitionResult(CaseRecord after, CaseEvent event, Suppression suppression) {}
