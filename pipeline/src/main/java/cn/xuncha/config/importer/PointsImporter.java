package cn.xuncha.config.importer;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.PointRegistryWriter;
import cn.xuncha.config.ZoneConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an office's point spreadsheet (.xlsx/.xls/.csv, one row per camera) into a registry, validated by the same
 * {@link ConfigLoader} rules the service applies at startup; loader errors are mapped back to rows and columns.
 * Unset ${ENV} references are fine here (placeholders): the importing machine need not hold camera passwords.
 */
public final class PointsImporter {
    private PointsImporter() {}

    /** Reads and converts a file; {@code sheet} (name or 1-based number) applies to workbooks only. */
    public static ImportResult importFile(Path file, String sheet, Map<String, List<ZoneConfig>> keepZones)
            throws IOException, ImportException {
        if (!Files.isRegularFile(file)) throw ImportException.of(file + ": not found or not a regular file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        SheetTable table;
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) table = CsvTableReader.read(file);
        else if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) table = XlsxTableReader.read(file, sheet);
        else throw ImportException.of(file + ": expected a .xlsx, .xls or .csv file");
        return convert(table, file.getFileName().toString(), keepZones);
    }

    /** Converts rows already read; {@code keepZones} maps camera ids to zones carried over from a registry being replaced. */
    public static ImportResult convert(SheetTable table, String source, Map<String, List<ZoneConfig>> keepZones) throws ImportException {
        List<ImportProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>(table.notes().stream().map(n -> source + ": " + n).toList());
        ImportHeader header = ImportHeader.find(table.rows(), problems, warnings);
        if (!problems.isEmpty()) throw new ImportException(problems, warnings);
        List<PointDraft> drafts = new PointDraftBuilder(header, problems).build(table.rows());
        if (drafts.isEmpty() && problems.isEmpty()) problems.add(new ImportProblem(0, null, "no point rows below the header (row " + header.rowNumber() + ")"));

        List<PointConfig> points = new ArrayList<>();
        List<Integer> clearText = new ArrayList<>();
        int kept = 0;
        for (PointDraft d : drafts) {
            List<CameraConfig> cams = new ArrayList<>();
            for (PointDraft.Camera c : d.cameras) {
                List<ZoneConfig> zones = keepZones.getOrDefault(c.id(), List.of());
                if (!zones.isEmpty()) kept++;
                if (ClearTextCredentials.in(c.url())) clearText.add(c.row());
                cams.add(new CameraConfig(c.id(), c.name(), c.url(), c.sampleInterval(), zones));
            }
            points.add(new PointConfig(d.id, d.value(ImportColumn.NAME), d.value(ImportColumn.TYPE), d.value(ImportColumn.UNIT), d.lat, d.lon, cams));
        }
        String yaml = PointRegistryWriter.write(points, "Imported from " + source + " by ./xuncha points import.\n\n" + PointRegistryWriter.SCHEMA_HEADER);
        validate(yaml, new RegistryErrorMapper(drafts, header), problems);
        if (!clearText.isEmpty()) warnings.add(clearTextWarning(header.name(ImportColumn.URL), clearText));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ImportProblem::row));
            throw new ImportException(problems, warnings);
        }
        return new ImportResult(points, yaml, warnings, kept, !clearText.isEmpty());
    }

    /** Runs the service's own loader over the generated YAML so an import can never produce a registry it rejects. */
    private static void validate(String yaml, RegistryErrorMapper mapper, List<ImportProblem> problems) {
        Path tmp = null;
        try {
            // may hold clear-text passwords from the sheet: createTempFile makes it owner-only, and it is deleted below
            tmp = Files.createTempFile("xuncha-import-", ".yaml");
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            new ConfigLoader(new PlaceholderEnv(Map.of())).loadPoints(tmp, IngestConfig.DEFAULT.defaultSampleInterval());
        } catch (ConfigException e) {
            e.errors().forEach(err -> problems.add(mapper.map(err)));
        } catch (IOException e) {
            problems.add(new ImportProblem(0, null, "could not write a temporary file to validate: " + e.getMessage()));
        } finally {
            if (tmp != null) tmp.toFile().delete();
        }
    }

    private static String clearTextWarning(String column, List<Integer> rows) {
        String list = rows.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                + (rows.size() > 10 ? ", … (" + rows.size() + " rows)" : "");
        return column + ": passwords in clear text in row(s) " + list + "; kept as they are. Move them to environment "
                + "variables, e.g. rtsp://${CAM_USER}:${CAM_PASS}@host/..., and set CAM_USER/CAM_PASS for the service.";
    }
}
