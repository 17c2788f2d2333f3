package cn.xuncha.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer produces, the loader reads back unchanged, whatever the text in names and URLs. */
class PointRegistryWriterTest {
    @TempDir Path dir;

    private List<PointConfig> roundTrip(List<PointConfig> points) throws IOException {
        Path f = dir.resolve("points.yaml");
        Files.writeString(f, PointRegistryWriter.write(points, "test header\n\nsecond paragraph"));
        return new ConfigLoader(Map.of("CAM_PASS", "pw")).loadPoints(f, Duration.ofSeconds(7));
    }

    @Test
    void awkwardTextSurvivesARoundTrip() throws IOException {
        List<String> names = List.of("yes", "No", "123", "1e5", "12:30", "a: b", "#hash", "- dash", " lead", "trail ", "quote\"d",
                "back\\slash", "two\nlines", "tab\there", "[x]", "{y}", "&anchor", "*alias", "null", "~", "城南农贸市场 东门", "人民路(主干道)");
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String url = "http://u:${CAM_PASS}@10.0.0." + i + "/snap.jpg?chn=1&q=%22a%20b%22#top";
            CameraConfig cam = new CameraConfig("c" + i, n, url, null, List.of());
            List<PointConfig> back = roundTrip(List.of(new PointConfig("id" + i, n, "背街小巷", n, null, null, List.of(cam))));
            PointConfig p = back.get(0);
            // the loader trims text values, so leading/trailing blanks are the only change allowed
            assertEquals(n.strip(), p.name(), "name " + n);
            assertEquals(n.strip(), p.unit(), "unit " + n);
            assertEquals(n.strip(), p.cameras().get(0).name(), "camera name " + n);
            assertEquals(url.replace("${CAM_PASS}", "pw"), p.cameras().get(0).url());
        }
    }

    @Test
    void numbersIntervalsAndZonesRoundTrip() throws IOException {
        ZoneConfig zone = new ZoneConfig("门前禁摆区", ZoneRule.NO_VENDING, List.of(new int[] {0, 620}, new int[] {1920, 560}, new int[] {1920, 1080}),
                Duration.ofMinutes(10));
        CameraConfig a = new CameraConfig("GC001-1", "正门", "rtsp://10.20.1.1/1", Duration.ofMillis(1500), List.of(zone));
        CameraConfig b = new CameraConfig("GC001-2", null, "file:demo/market.mp4", null, List.of());
        PointConfig p = roundTrip(List.of(new PointConfig("GC001", "城南农贸市场", "农贸市场", "城关街道", 28.123456, -112.5, List.of(a, b)))).get(0);
        assertEquals(28.123456, p.lat());
        assertEquals(-112.5, p.lon());
        assertEquals(Duration.ofMillis(1500), p.cameras().get(0).sampleInterval());
        assertEquals(Duration.ofSeconds(7), p.cameras().get(1).sampleInterval(), "unset interval falls back to the default");
        assertEquals("GC001-2", p.cameras().get(1).name());
        ZoneConfig z = p.cameras().get(0).zones().get(0);
        assertEquals(zone.name(), z.name());
        assertEquals(zone.rule(), z.rule());
        assertEquals(zone.dwell(), z.dwell());
        for (int i = 0; i < 3; i++) assertArrayEquals(zone.polygon().get(i), z.polygon().get(i));
    }

    @Test
    void headerBecomesCommentsAndPlainTextStaysUnquoted() {
        String yaml = PointRegistryWriter.write(List.of(new PointConfig("GC001", "城南农贸市场", "农贸市场", "城关街道", null, null,
                List.of(new CameraConfig("GC001-1", null, "rtsp://h/1", null, List.of())))), "line one\n\nline three");
        assertTrue(yaml.startsWith("# line one\n#\n# line three\n\npoints:\n"), yaml);
        assertTrue(yaml.contains("    name: 城南农贸市场\n"), yaml);
        assertTrue(yaml.contains("        url: \"rtsp://h/1\"\n"), yaml);
    }
}
