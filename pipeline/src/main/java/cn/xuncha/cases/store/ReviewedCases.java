package cn.xuncha.cases.store;

import cn.xuncha.analysis.Category;
import cn.xuncha.cases.CaseState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Cases a reviewer decided on (confirmed and beyond, or dismissed) with their crop evidence, for the feedback loop. */
public final class ReviewedCases {
    /** @param cropSha256 null when the case has no crop (none was sent, or retention removed it) */
    public record Reviewed(long caseId, CaseState state, Category category, Category detectedCategory, String cropSha256) {}

    public List<Reviewed> all(Connection c) throws SQLException {
        String sql = "select k.id, k.state, k.category, k.detected_category, e.sha256 from cases k "
                + "left join case_evidence e on e.case_id = k.id and e.kind = 'CROP' "
                + "where k.state in ('CONFIRMED','DISPATCHED','RECTIFIED','CLOSED','DISMISSED') order by k.id";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<Reviewed> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Reviewed(rs.getLong(1), CaseState.valueOf(rs.getString(2)), CaseRows.category(rs.getString(3)),
                        CaseRows.category(rs.getString(4)), rs.getString(5)));
            }
            return out;
        }
    }
}
