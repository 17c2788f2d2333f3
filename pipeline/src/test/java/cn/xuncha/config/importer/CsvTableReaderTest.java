package cn.xuncha.config.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 4180 details as Excel produces them, and the encodings Chinese offices save CSV in. */
class CsvTableReaderTest {
    @TempDir Path dir;

    private SheetTable read(byte[] bytes) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.write(f, bytes);
        return CsvTableReader.read(f);
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws Exception {
        String csv = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n,,\r\nlast,\"\",end";
        List<SheetRow> rows = read(csv.getBytes(StandardCharsets.UTF_8)).rows();
        assertEquals(4, rows.size());
        assertEquals(List.of("x, y", "say \"hi\"", "two\r\nlines"), rows.get(1).cells());
        assertEquals(3, rows.get(2).number(), "rows count records, not physical lines");
        assertTrue(rows.get(2).isBlank());
        assertEquals(List.of("last", "", "end"), rows.get(3).cells());
    }

    @Test
    void utf8ByteOrderMarkIsDropped() throws Exception {
        byte[] body = "点位编号,名称\nGC001,城南农贸市场\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        SheetTable t = read(withBom);
        assertEquals("点位编号", t.rows().get(0).cells().get(0));
        assertTrue(t.notes().isEmpty());
    }

    @Test
    void invalidUtf8IsReadAsGbk() throws Exception {
        SheetTable t = read("点位编号,责任单位\nGC001,城关街道\n".getBytes(Charset.forName("GBK")));
        assertEquals(List.of("GC001", "城关街道"), t.rows().get(1).cells());
        assertTrue(t.notes().get(0).contains("GBK"), t.notes().toString());
    }

    @Test
    void tabSeparatedFilesAreRecognised() throws Exception {
        List<SheetRow> rows = read("id\tname\nA\t李家村, 东口\n".getBytes(StandardCharsets.UTF_8)).rows();
        assertEquals(List.of("A", "李家村, 东口"), rows.get(1).cells());
    }

    @Test
    void anUnclosedQuoteIsAnErrorWithItsRow() {
        ImportException e = assertThrows(ImportException.class, () -> read("a,b\n1,2\n3,\"open\n4,5\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("row 3: quoted field opened on line 3 is never closed", e.problems().get(0).message());
    }
}
