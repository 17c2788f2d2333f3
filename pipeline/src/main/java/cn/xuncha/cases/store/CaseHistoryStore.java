package cn.xuncha.cases.store;

import cn.xuncha.cases.CaseEvent;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.EvidenceKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The audit trail ({@code case_events}) and evidence references ({@code case_evidence}) of cases. */
public final class CaseHistoryStore {

    public void addEvents(Connection c, Collection<CaseEvent> events) throws SQLException {
        if (events.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(
                "insert into case_events (case_id, event_at, actor, action, from_state, to_state, note) values (?,?,?,?,?,?,?)")) {
            for (CaseEvent e : events) {
                ps.setLong(1, e.caseId());
                CaseRows.setTime(ps, 2, e.at());
                ps.setString(3, e.actor());
                ps.setString(4, e.action());
                ps.setString(5, e.from() == null ? null : e.from().name());
                ps.setString(6, e.to().name());
                ps.setString(7, e.note() == null || e.note().length() <= 4000 ? e.note() : e.note().substring(0, 4000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<CaseEvent> history(Connection c, long caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select case_id, event_at, actor, action, from_state, to_state, note from case_events where case_id = ? order by id")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                List<CaseEvent> out = new ArrayList<>();
                while (rs.next()) {
                    String from = rs.getString("from_state");
                    out.add(new CaseEvent(rs.getLong("case_id"), CaseRows.time(rs, "event_at"), rs.getString("actor"), rs.getString("action"),
                            from == null ? null : CaseState.valueOf(from), CaseState.valueOf(rs.getString("to_state")), rs.getString("note")));
                }
                return out;
            }
        }
    }

    /** The evidence of one kind a case points at. */
    public record EvidenceRef(long caseId, EvidenceKind kind, String sha256, Instant at) {}

    /** Points each case's evidence of that kind at the new file, replacing an earlier one (best evidence wins). */
    public void setEvidence(Connection c, Collection<EvidenceRef> refs) throws SQLException {
        if (refs.isEmpty()) return;
        List<EvidenceRef> list = List.copyOf(refs);
        int[] updated;
        // update first: replacing the best evidence is the common case, and this stays portable (no MERGE/ON CONFLICT)
        try (PreparedStatement up = c.prepareStatement("update case_evidence set sha256 = ?, added_at = ? where case_id = ? and kind = ?")) {
            for (EvidenceRef r : list) {
                up.setString(1, r.sha256());
                CaseRows.setTime(up, 2, r.at());
                up.setLong(3, r.caseId());
                up.setString(4, r.kind().name());
                up.addBatch();
            }
            updated = up.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement("insert into case_evidence (sha256, added_at, case_id, kind) values (?,?,?,?)")) {
            boolean any = false;
            for (int i = 0; i < list.size(); i++) {
                if (updated[i] != 0) continue;
                EvidenceRef r = list.get(i);
                ins.setString(1, r.sha256());
                CaseRows.setTime(ins, 2, r.at());
                ins.setLong(3, r.caseId());
                ins.setString(4, r.kind().name());
                ins.addBatch();
                any = true;
            }
            if (any) ins.executeBatch();
        }
    }

    public Map<EvidenceKind, String> evidence(Connection c, long caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select kind, sha256 from case_evidence where case_id = ?")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<EvidenceKind, String> out = new EnumMap<>(EvidenceKind.class);
                while (rs.next()) out.put(EvidenceKind.valueOf(rs.getString(1)), rs.getString(2));
                return out;
            }
        }
    }

    /**
     * Drops evidence references of cases in {@code state} last updated before {@code before}; returns the hashes no
     * longer referenced by any case, whose files the caller may delete.
     */
    public List<String> dropEvidence(Connection c, CaseState state, Instant before) throws SQLException {
        List<String> hashes = new ArrayList<>();
        String sel = "select distinct e.sha256 from case_evidence e join cases k on k.id = e.case_id where k.state = ? and k.updated_at < ?";
        try (PreparedStatement ps = CaseStore.prepare(c, sel, List.of(state.name(), before)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) hashes.add(rs.getString(1));
        }
        try (PreparedStatement ps = CaseStore.prepare(c,
                "delete from case_evidence where case_id in (select id from cases where state = ? and updated_at < ?)", List.of(state.name(), before))) {
            ps.executeUpdate();
        }
        List<String> orphans = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select count(*) from case_evidence where sha256 = ?")) {
            for (String h : hashes) {
                ps.setString(1, h);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) orphans.add(h);
                }
            }
        }
        return orphans;
    }
}
