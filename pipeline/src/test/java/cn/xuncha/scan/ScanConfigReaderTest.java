package cn.xuncha.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.config.ConfigException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The scan: section: defaults, overrides, and errors that name the key. */
class ScanConfigReaderTest {
    static ScanSettings read(String yaml) throws Exception {
        return ScanConfigReader.read(new ObjectMapper(new YAMLFactory()).readTree(yaml), "test.yaml");
    }

    @Test
    void missingSectionMeansDefaults() throws Exception {
        assertSame(ScanSettings.DEFAULT, read("server: {port: 8080}\n"));
    }

    @Test
    void readsOverrides() throws Exception {
        ScanSettings s = read("scan: {time: \"03:30\", zone: Asia/Urumqi, concurrency: 12, graceHours: 4, singleImage: off}\n");
        assertEquals(LocalTime.of(3, 30), s.time());
        assertEquals(ZoneId.of("Asia/Urumqi"), s.zone());
        assertEquals(12, s.concurrency());
        assertEquals(Duration.ofHours(4), s.grace());
        assertEquals(CombinedScanAnalyzer.SingleImage.OFF, s.singleImage());
        assertEquals(ScanSettings.DEFAULT.framesPerCamera(), s.framesPerCamera());
        assertEquals(2, s.detectorInstances(2), "absent: one detector per core");
    }

    @Test
    void detectorInstancesAreAutoOrACount() throws Exception {
        assertEquals(2, read("scan: {detectors: 2}\n").detectorInstances(16));
        assertEquals(4, read("scan: {detectors: auto}\n").detectorInstances(16), "auto: one per core, at most 4");
        assertEquals(1, read("scan: {detectors: auto}\n").detectorInstances(1));
        for (String bad : new String[] {"0", "17", "many", "1.5"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> read("scan: {detectors: " + bad + "}\n"), bad);
            assertTrue(e.errors().toString().contains("scan.detectors"), bad + ": " + e.errors());
        }
    }

    @Test
    void everyErrorNamesItsKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read("scan: {time: \"25:00\", zone: Mars/Base, concurrency: 0, colour: red}\n"));
        String m = e.getMessage() + e.errors();
        for (String key : new String[] {"scan.time", "scan.zone", "scan.concurrency", "scan.colour"}) assertTrue(m.contains(key), key + " in " + m);
    }
}
