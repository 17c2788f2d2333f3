package cn.xuncha.cases;

import cn.xuncha.cases.store.Database;
import cn.xuncha.config.StorageConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cases stage on a real PostgreSQL server started by the test. */
class CaseServicePostgresIT extends CaseServiceContract {
    static cn.xuncha.cases.store.LocalPostgres pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) pg.close();
    }

    @Override
    StorageConfig storage(String dataDir) {
        return pg.storage(dataDir);
    }

    @Override
    void resetSchema(Database db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("truncate cases, case_events, case_evidence, suppressions, applied_commands, track_marks restart identity cascade");
        }
    }
}
