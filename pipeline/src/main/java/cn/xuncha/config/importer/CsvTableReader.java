package cn.xuncha.config.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as Excel writes it: quoted fields with commas, doubled quotes and line breaks inside, CRLF or LF.
 * UTF-8 with or without BOM; files that are not valid UTF-8 are read as GBK/GB18030 (Excel's default "CSV" on
 * Chinese Windows). Tab- or semicolon-separated files are recognised from the header line.
 * Row numbers count records (as Excel shows them), not physical lines.
 */
public final class CsvTableReader {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvTableReader() {}

    public static SheetTable read(Path file) throws IOException, ImportException {
        List<String> notes = new ArrayList<>();
        String text = decode(Files.readAllBytes(file), notes);
        return new SheetTable(parse(text, delimiter(text)), notes);
    }

    static String decode(byte[] bytes, List<String> notes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            notes.add("not valid UTF-8; read as GBK (GB18030)");
            return new String(bytes, GB18030);
        }
    }

    /** Comma unless the first line has no comma but tabs or semicolons. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(',') >= 0) return ',';
        if (first.indexOf('\t') >= 0) return '\t';
        if (first.indexOf(';') >= 0) return ';';
        return ',';
    }

    static List<SheetRow> parse(String text, char delim) throws ImportException {
        List<SheetRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int record = 1;
        int quoteStartLine = 0;
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') quoted = false;
                else {
                    if (c == '\n') line++;
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
                quoteStartLine = line;
            } else if (c == delim) {
                cells.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                cells.add(field.toString());
                field.setLength(0);
                rows.add(new SheetRow(record++, cells));
                cells = new ArrayList<>();
                line++;
            } else {
                // a stray quote inside an unquoted field is kept literally, as Excel does
                field.append(c);
            }
            i++;
        }
        if (quoted) throw ImportException.of("row " + record + ": quoted field opened on line " + quoteStartLine + " is never closed");
        if (!field.isEmpty() || !cells.isEmpty()) {
            cells.add(field.toString());
            rows.add(new SheetRow(record, cells));
        }
        return rows;
    }
}
