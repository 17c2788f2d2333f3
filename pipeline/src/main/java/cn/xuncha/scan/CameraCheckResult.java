package cn.xuncha.scan;

import java.util.List;
import java.util.Optional;

/** All check verdicts of one camera in one scan; the fault is the first failed check in {@link CheckKind} order. */
public record CameraCheckResult(List<CheckVerdict> verdicts) {
    public CameraCheckResult {
        verdicts = List.copyOf(verdicts);
    }

    public Optional<CheckVerdict> fault() {
        return verdicts.stream().filter(CheckVerdict::failed).min(java.util.Comparator.comparing(CheckVerdict::kind));
    }

    public boolean healthy() {
        return fault().isEmpty();
    }

    /** Whether garbage analysis on this picture means anything (a moved or blurred view is still looked at). */
    public boolean analysable() {
        // a faulty view (blurred, shifted, covered, dark) is not compared with the camera's sharp reference: the
        // differences would be the fault itself, reported as garbage; the camera check is the finding instead
        return fault().isEmpty();
    }

    public Optional<CheckVerdict> verdict(CheckKind kind) {
        return verdicts.stream().filter(v -> v.kind() == kind).findFirst();
    }
}
