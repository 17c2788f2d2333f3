package cn.xuncha.cases;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns findings into case changes: dedup onto open cases, camera-verified clearance, 反弹 rebound detection and
 * suppression of dismissed look-alikes. Pure: times come from the findings, state from {@link CameraCases}.
 */
public final class CaseRules {
    /** Share of the smaller box inside the other above which two boxes are one object (fragment or grown pile). */
    static final double CONTAINED = 0.8;
    private final CasesConfig config;

    public CaseRules(CasesConfig config) {
        this.config = config;
    }

    /**
     * @param unitOfPoint the responsible unit of the finding's point (new cases start with it)
     * @param cropHash computed only when a new case is considered, because decoding the crop costs time
     */
    public FindingOutcome apply(Finding f, CameraCases known, String unitOfPoint, Supplier<Long> cropHash) {
        // a clearance must come from the object itself: a vanished fragment does not clear the bag it was part of
        Optional<CaseRecord> match = sameObject(f, known.open(), f.event() != FindingEvent.CLOSED);
        if (f.event() == FindingEvent.CLOSED) {
            return match.<FindingOutcome>map(c -> new FindingOutcome.Cleared(c.cleared(f.at())))
                    .orElseGet(() -> new FindingOutcome.Ignored("no open case for cleared track " + f.trackId() + " on " + f.cameraId()));
        }
        if (match.isPresent()) {
            CaseRecord c = match.get();
            // a fragment re-confirms the larger object's case; it does not shrink its box or take over its track
            boolean fragment = c.trackId() != f.trackId() && c.box().iou(f.box()) < config.matchIou() && c.box().area() > f.box().area();
            CaseRecord after = fragment ? c.seenAgain(c.trackId(), c.box(), f.score(), f.at()) : c.seenAgain(f.trackId(), f.box(), f.score(), f.at());
            return new FindingOutcome.Updated(c, after, f.score() > c.bestScore());
        }
        Long hash = cropHash.get();
        Optional<Suppression> sup = known.suppressions().stream()
                .filter(s -> s.covers(f.box(), hash, f.at(), config.matchIou(), config.maxHashDistance())).findFirst();
        if (sup.isPresent()) return new FindingOutcome.Suppressed(sup.get());
        Optional<CaseRecord> closed = reboundOf(f, known.recentlyClosed());
        String unit = closed.map(CaseRecord::unit).orElse(unitOfPoint);
        Long reboundOf = closed.map(CaseRecord::id).orElse(null);
        CaseRecord created = new CaseRecord(0, f.cameraId(), f.pointId(), f.category(), f.category(), CaseState.PENDING, unit,
                f.trackId(), f.box(), f.score(), 1, f.at(), f.at(), null, null, false, reboundOf, hash, null, f.at());
        return new FindingOutcome.Opened(created, reboundOf);
    }

    /**
     * Same track id (and category), else the open case of that category whose box overlaps most; with
     * allowContained a box mostly inside the other counts too (see {@link #overlap}).
     */
    Optional<CaseRecord> sameObject(Finding f, List<CaseRecord> open, boolean allowContained) {
        List<CaseRecord> candidates = open.stream()
                .filter(c -> c.state().isOpen() && c.cameraId().equals(f.cameraId()) && c.detectedCategory() == f.category())
                .toList();
        Optional<CaseRecord> byTrack = candidates.stream().filter(c -> c.trackId() == f.trackId() && c.box().iou(f.box()) > 0).findFirst();
        if (byTrack.isPresent()) return byTrack;
        return candidates.stream().filter(c -> overlap(c.box(), f.box(), allowContained) > 0)
                .max(Comparator.comparingDouble(c -> overlap(c.box(), f.box(), allowContained)));
    }

    /**
     * IoU when it reaches the match threshold; a box mostly inside the other (a fragment of a bag, or the pile a bag
     * joined) counts as the same object at the threshold; else 0.
     */
    private double overlap(Box a, Box b, boolean allowContained) {
        double iou = a.iou(b);
        if (iou >= config.matchIou()) return iou;
        return allowContained && a.containment(b) >= CONTAINED ? config.matchIou() : 0;
    }

    /** The latest case closed within the rebound window at the same place with the same category. */
    Optional<CaseRecord> reboundOf(Finding f, List<CaseRecord> closed) {
        Instant since = f.at().minus(config.reboundWindow());
        return closed.stream()
                .filter(c -> c.state() == CaseState.CLOSED && c.closedAt() != null && !c.closedAt().isBefore(since) && !c.closedAt().isAfter(f.at()))
                .filter(c -> c.cameraId().equals(f.cameraId()) && (c.category() == f.category() || c.detectedCategory() == f.category()))
                .filter(c -> overlap(c.box(), f.box(), true) > 0)
                .max(Comparator.comparing(CaseRecord::closedAt));
    }
}
