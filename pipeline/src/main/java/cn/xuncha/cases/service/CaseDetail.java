package cn.xuncha.cases.service;

import cn.xuncha.cases.CaseEvent;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.EvidenceKind;
import java.util.List;
import java.util.Map;

/** One case with its audit history and evidence hashes (kind → sha256). */
public record CaseDetail(CaseRecord record, List<CaseEvent> history, Map<EvidenceKind, String> evidence) {}
