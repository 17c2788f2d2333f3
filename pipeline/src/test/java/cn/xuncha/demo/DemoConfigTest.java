package cn.xuncha.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.PointTypes;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.config.ZoneConfig;
import cn.xuncha.config.ZoneRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** seeds/demo.yaml loads, plays the generated demo clips, and its zones sit where the scenes put their objects. */
class DemoConfigTest {
    static final Resolution RES = DemoMedia.spec("street_bag").resolution();

    static XunchaConfig load() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("seeds/demo.yaml");
            if (Files.isRegularFile(f)) return new ConfigLoader(Map.of()).load(f);
        }
        throw new AssertionError("seeds/demo.yaml not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void demoConfigLoadsWithKnownPointTypesAndOneCameraPerDemoScene() {
        XunchaConfig cfg = load();
        assertEquals(4, cfg.points().size());
        cfg.points().forEach(p -> assertTrue(PointTypes.ALL.contains(p.type()), p.type()));
        List<String> scenes = cfg.cameras().map(DemoConfigTest::scene).toList();
        assertEquals(DemoMedia.SCENES, scenes);
        // ./xuncha runs from the checkout and the demo's dataDir is "data": the URLs must name what prepare() writes there
        assertEquals("data", cfg.storage().dataDir());
        cfg.cameras().forEach(c -> assertEquals(DemoMedia.clipPath(Path.of("data"), scene(c)), Path.of(c.url().substring("file:".length()))));
    }

    @Test
    void everyScriptedObjectLandsInAZoneWithTheMatchingRuleAndOutstaysItsDwell() {
        for (CameraConfig cam : load().cameras().toList()) {
            DemoScene scene = DemoScenes.byName(scene(cam));
            for (ScriptedEvent e : scene.events()) {
                ZoneRule rule = switch (e.kind()) {
                    case PARKED_CAR -> ZoneRule.NO_PARKING;
                    case VENDOR_CART -> ZoneRule.NO_VENDING;
                    case BLACK_BAG, BLUE_BAG, BOX_PILE, LITTER -> ZoneRule.GROUND;
                };
                Box b = e.box(RES.width(), RES.height());
                ZoneConfig zone = cam.zones().stream().filter(z -> z.rule() == rule && contains(z.polygon(), b)).findFirst()
                        .orElseThrow(() -> new AssertionError(cam.id() + ": no " + rule.code() + " zone around " + e.kind() + " at " + b));
                double stays = scene.durationSeconds() - e.atSeconds();
                assertTrue(zone.dwell().toSeconds() + 10 < stays, cam.id() + ": " + e.kind() + " stays " + stays + " s, dwell " + zone.dwell());
            }
        }
    }

    private static String scene(CameraConfig c) {
        String name = Path.of(c.url().substring("file:".length())).getFileName().toString();
        return name.substring(0, name.length() - ".mp4".length());
    }

    /** All four corners of b inside the (axis-aligned in the demo) polygon's bounding box, and the polygon is a rectangle. */
    private static boolean contains(List<int[]> polygon, Box b) {
        int minX = polygon.stream().mapToInt(p -> p[0]).min().orElseThrow();
        int maxX = polygon.stream().mapToInt(p -> p[0]).max().orElseThrow();
        int minY = polygon.stream().mapToInt(p -> p[1]).min().orElseThrow();
        int maxY = polygon.stream().mapToInt(p -> p[1]).max().orElseThrow();
        return polygon.size() == 4 && b.x() >= minX && b.x() + b.w() <= maxX && b.y() >= minY && b.y() + b.h() <= maxY;
    }
}
