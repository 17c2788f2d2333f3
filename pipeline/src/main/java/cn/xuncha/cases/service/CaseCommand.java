package cn.xuncha.cases.service;

import cn.xuncha.analysis.Finding;
import cn.xuncha.cases.TransitionRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Work for the single case writer, in arrival order. {@code key} makes applying it idempotent (journal replays). */
public sealed interface CaseCommand {
    String key();

    /** Whether it must survive a database outage in the journal (periodic checks need not: the next tick redoes them). */
    default boolean durable() {
        return true;
    }

    /** Applied once: a finding at or before its track's high-water mark (see {@code track_marks}) is a duplicate. */
    record OfFinding(String key, Finding finding) implements CaseCommand {
        /** The key names the finding in results and the journal; it is derived from the finding itself. */
        public static OfFinding of(Finding f) {
            String id = f.cameraId() + "|" + f.trackId() + "|" + f.event() + "|" + f.category() + "|" + f.at() + "|" + f.box();
            return new OfFinding(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString(), f);
        }
    }

    /** @param at when the person asked: kept through a journal replay so the audit shows the real time */
    record OfTransition(String key, TransitionRequest request, Instant at) implements CaseCommand {}

    record MarkOverdue(String key, Instant now) implements CaseCommand {
        @Override
        public boolean durable() {
            return false;
        }
    }

    /** Periodic housekeeping on the writer: forget marks, keys, closures and suppressions no finding can reach any more. */
    record Prune(String key, Instant now) implements CaseCommand {
        @Override
        public boolean durable() {
            return false;
        }
    }
}
