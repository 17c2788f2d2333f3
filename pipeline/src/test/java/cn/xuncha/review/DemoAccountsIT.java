package cn.xuncha.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.cases.store.Database;
import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ServerConfig;
import cn.xuncha.config.StorageConfig;
import cn.xuncha.config.XunchaConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo accounts on a real (H2) database: created once, re-passworded on the next demo, and the printed passwords work. */
class DemoAccountsIT {
    @TempDir Path dir;

    @Test
    void createsPrintableAccountsThatLogIn() throws Exception {
        CameraConfig cam = new CameraConfig("c", "c", "rtsp://127.0.0.1:1/c", Duration.ofSeconds(5), List.of());
        XunchaConfig cfg = new XunchaConfig(ServerConfig.DEFAULT, StorageConfig.embedded(dir.toString()), IngestConfig.DEFAULT, List.of(
                new PointConfig("P1", "a", "t", "城关街道", null, null, List.of(cam)),
                new PointConfig("P2", "b", "t", "东城街道", null, null, List.of(cam)),
                new PointConfig("P3", "c", "t", "城关街道", null, null, List.of(cam))));
        try (Database db = Database.open(cfg.storage())) {
            UserStore users = new UserStore(db.dataSource(), new PasswordHasher(), Clock.systemUTC());
            List<DemoAccounts.Login> first = DemoAccounts.ensure(users, cfg);
            assertEquals(List.of("admin", "reviewer", "unit1", "unit2"), first.stream().map(DemoAccounts.Login::name).toList());
            assertEquals("东城街道", first.get(3).unit());
            for (DemoAccounts.Login l : first) assertTrue(users.authenticate(l.name(), l.password().toCharArray()).isPresent(), l.toString());
            List<DemoAccounts.Login> second = DemoAccounts.ensure(users, cfg);
            assertNotEquals(first.get(1).password(), second.get(1).password(), "a new demo prints new passwords");
            assertTrue(users.authenticate("reviewer", second.get(1).password().toCharArray()).isPresent());
            assertTrue(users.authenticate("reviewer", first.get(1).password().toCharArray()).isEmpty());
            assertEquals(4, users.list().size());
        }
    }
}
