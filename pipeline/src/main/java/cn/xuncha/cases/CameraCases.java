package cn.xuncha.cases;

import java.util.List;

/** What the rules need to know about one camera: its open cases, recently closed cases, active suppressions. */
public record CameraCases(List<CaseRecord> open, List<CaseRecord> recentlyClosed, List<Suppression> suppressions) {
    public static final CameraCases EMPTY = new CameraCases(List.of(), List.of(), List.of());
}
