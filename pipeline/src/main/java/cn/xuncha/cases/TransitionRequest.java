package cn.xuncha.cases;

import cn.xuncha.analysis.Category;
import java.time.Instant;

/**
 * A person's request to move a case. {@code actor} is the logged-in user (the web app passes it).
 *
 * @param unit DISPATCH: reassign to this unit (default: the case's unit)
 * @param deadline DISPATCH (required) and REJECT (optional new deadline)
 * @param category CONFIRM/DISMISS: the reviewer's corrected category, or null
 * @param photoJpeg RECTIFY: optional photo of the fixed spot
 */
public record TransitionRequest(
        long caseId, CaseAction action, String actor, String note, String unit, Instant deadline, Category category, byte[] photoJpeg) {}
