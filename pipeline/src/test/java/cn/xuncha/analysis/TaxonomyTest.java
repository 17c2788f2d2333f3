package cn.xuncha.analysis;

import static org.junit.jupiter.api.Assertions.*;

import cn.xuncha.config.ZoneRule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {
    static final Path SEED = Path.of("../seeds/taxonomy.yaml");

    @Test
    void seedNamesEveryCategory() {
        Taxonomy t = Taxonomy.load(SEED);
        assertEquals("暴露垃圾", t.get(Category.EXPOSED_GARBAGE).zh());
        assertEquals("白色垃圾", t.get(Category.LITTER).zh());
        assertEquals("乱堆乱放", t.get(Category.PILING).zh());
        assertEquals("乱停乱放", t.get(Category.ILLEGAL_PARKING).zh());
        assertTrue(t.get(Category.STREET_VENDING).zh().contains("乱摆摊点"));
        assertEquals("通道堵塞", t.get(Category.BLOCKED_PASSAGE).zh());
        assertEquals(Category.values().length, t.all().size());
        for (Taxonomy.Entry e : t.all()) {
            if (e.source().equals("zone")) {
                // the zone rule named in the seed must be one the config accepts
                assertTrue(ZoneRule.fromCode(e.zoneRule()).isPresent(), e.toString());
            }
        }
    }

    @Test
    void unknownOrMissingCodesAreRejectedWithTheirPath(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, "categories:\n  - code: graffiti\n    zh: 乱贴乱画\n    en: Graffiti\n    shiluan: 乱贴乱画\n    source: classifier\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.load(f));
        assertTrue(e.getMessage().contains("categories[0].code: unknown category code 'graffiti'"), e.getMessage());
        assertTrue(e.getMessage().contains("missing code 'exposed_garbage'"), e.getMessage());
    }
}
