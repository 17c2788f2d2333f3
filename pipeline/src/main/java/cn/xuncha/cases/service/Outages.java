package cn.xuncha.cases.service;

import cn.xuncha.cases.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells a database outage (journal and retry) from a problem with the data (reject that command). */
public final class Outages {
    private Outages() {}

    /** True when the error (or a cause) says the database could not be reached or the connection broke. */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) return true;
        }
        return false;
    }

    static boolean isOutage(SQLException e, Database db) {
        if (isConnectionFailure(e)) return true;
        // unclassified: ask the database itself whether it still answers
        try (Connection c = db.connection()) {
            return !c.isValid(1);
        } catch (SQLException probe) {
            return true;
        }
    }
}
