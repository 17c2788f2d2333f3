package cn.xuncha.cases.service;

import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CaseRecord;
import java.util.List;

/**
 * What became of one command.
 *
 * @param after the case after a transition (null otherwise, or when journaled)
 * @param message why it was refused or failed
 */
public record CommandResult(String key, Status status, List<CaseChange> changes, CaseRecord after, String message) {
    public enum Status { APPLIED, DUPLICATE, JOURNALED, NOT_FOUND, ILLEGAL_TRANSITION, INVALID, FAILED }

    public static CommandResult of(String key, Status s, String message) {
        return new CommandResult(key, s, List.of(), null, message);
    }
}
