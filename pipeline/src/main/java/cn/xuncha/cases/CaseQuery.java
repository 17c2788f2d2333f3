package cn.xuncha.cases;

/**
 * Filters and paging for listing cases; null filters match everything.
 *
 * @param newestFirst sort by first-seen time, newest first (else oldest first)
 */
public record CaseQuery(CaseState state, String unit, String pointId, cn.xuncha.analysis.Category category, String cameraId,
                        int offset, int limit, boolean newestFirst) {
    public static final int MAX_LIMIT = 1000;

    public CaseQuery {
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }

    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, 0, MAX_LIMIT, true);
    }
}
