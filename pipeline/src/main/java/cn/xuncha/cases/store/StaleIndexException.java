package cn.xuncha.cases.store;

import java.sql.SQLException;

/** A case row no longer has the version the writer's in-memory index expected: someone else wrote it. */
public final class StaleIndexException extends SQLException {
    public StaleIndexException(String message) {
        super(message, "40001"); // serialization failure: retry after re-reading
    }
}
