package cn.xuncha.cases;

import cn.xuncha.cases.store.LocalPostgres;
import org.junit.jupiter.api.Assumptions;

/** Test access to a throwaway PostgreSQL: skips the test, saying why, where PostgreSQL is not installed. */
final class PostgresServer {
    private PostgresServer() {}

    static LocalPostgres start() throws Exception {
        Assumptions.assumeTrue(LocalPostgres.available(),
                "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql): skipping");
        return LocalPostgres.start();
    }
}
