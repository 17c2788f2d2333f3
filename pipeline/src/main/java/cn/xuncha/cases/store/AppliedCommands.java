package cn.xuncha.cases.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Idempotency keys of commands already applied, written in the same transaction as their effects. */
public final class AppliedCommands {

    public Set<String> alreadyApplied(Connection c, Collection<String> keys) throws SQLException {
        Set<String> out = new HashSet<>();
        if (keys.isEmpty()) return out;
        try (PreparedStatement ps = CaseStore.prepare(c, "select command_key from applied_commands where command_key in ("
                + CaseStore.marks(keys.size()) + ")", new ArrayList<>(keys)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    public void record(Connection c, Collection<String> keys, Instant at) throws SQLException {
        if (keys.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("insert into applied_commands (command_key, applied_at) values (?, ?)")) {
            for (String k : keys) {
                ps.setString(1, k);
                CaseRows.setTime(ps, 2, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Forgets keys older than {@code before}: a replay never reaches that far back. */
    public int purge(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = CaseStore.prepare(c, "delete from applied_commands where applied_at < ?", List.of(before))) {
            return ps.executeUpdate();
        }
    }
}
