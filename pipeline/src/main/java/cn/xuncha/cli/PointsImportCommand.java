package cn.xuncha.cli;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ZoneConfig;
import cn.xuncha.config.importer.AtomicFiles;
import cn.xuncha.config.importer.ImportException;
import cn.xuncha.config.importer.ImportResult;
import cn.xuncha.config.importer.PlaceholderEnv;
import cn.xuncha.config.importer.PointsImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xuncha points import FILE.xlsx|csv}: converts an office spreadsheet (one row per camera) into the registry.
 * Any error: every bad row is printed and nothing is written. Replacing a registry needs --force, keeps the old one
 * as FILE.bak and carries over the zones of cameras whose ids are unchanged (spreadsheets have no zone columns).
 */
@Command(mixinStandardHelpOptions = true, name = "import", description = {"Import points from a spreadsheet (.xlsx/.xls/.csv), one row per camera.",
        "Columns (Chinese or English headers): 点位编号/id, 点位名称/name, 点位类型/type, 责任单位/unit, 纬度/lat, 经度/lon,"
                + " 摄像头编号/camera_id, 摄像头名称/camera_name, 视频地址/url, 抽帧间隔/sample_interval.",
        "Point columns may be repeated or left blank on a point's further camera rows."})
final class PointsImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = ".xlsx, .xls or .csv (UTF-8, UTF-8 with BOM, or GBK)")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "YAML",
            description = "where to write the registry (default: " + PointsCommand.DEFAULT_FILE + "; '-' for standard output)")
    String out;

    @Option(names = "--force", description = "replace an existing registry (the old one is kept as YAML.bak)")
    boolean force;

    @Option(names = "--sheet", paramLabel = "NAME|N", description = "workbook sheet by name or 1-based number (default: the first)")
    String sheet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out == null ? PointsCommand.defaultFile() : out.equals("-") ? null : Path.of(out);
        boolean replacing = target != null && Files.exists(target);
        if (replacing && !force) {
            err.println("points import: " + target + " exists; refusing to overwrite (use --force; the old file is kept as "
                    + target.getFileName() + ".bak)");
            return 1;
        }
        Map<String, List<ZoneConfig>> zones = replacing ? existingZones(target, err) : Map.of();
        ImportResult result;
        try {
            result = PointsImporter.importFile(file, sheet, zones);
        } catch (ImportException e) {
            e.warnings().forEach(w -> err.println("warning: " + w));
            err.println("points import: " + file + ": " + e.getMessage());
            err.println("nothing written.");
            return 2;
        } catch (IOException e) {
            err.println("points import: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        result.warnings().forEach(w -> err.println("warning: " + w));
        return write(result, target, replacing, zones, err);
    }

    private int write(ImportResult r, Path target, boolean replacing, Map<String, List<ZoneConfig>> oldZones, PrintWriter err) {
        if (target == null) {
            spec.commandLine().getOut().print(r.yaml());
            spec.commandLine().getOut().flush();
            return 0;
        }
        try {
            if (replacing) Files.copy(target, target.resolveSibling(target.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.write(target, r.yaml(), r.clearTextCredentials());
        } catch (IOException e) {
            err.println("points import: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        Set<String> newIds = r.points().stream().flatMap(p -> p.cameras().stream()).map(CameraConfig::id).collect(Collectors.toSet());
        Set<String> dropped = new TreeSet<>(oldZones.keySet());
        dropped.removeAll(newIds);
        if (!dropped.isEmpty()) {
            err.println("warning: zones of cameras no longer in the sheet were dropped (still in " + target.getFileName() + ".bak): "
                    + String.join(", ", dropped));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s: %d points, %d cameras%s%s%n", target, r.points().size(), r.cameraCount(),
                r.zonesKept() > 0 ? "; zones kept for " + r.zonesKept() + " camera(s)" : "",
                replacing ? "; previous file kept as " + target.getFileName() + ".bak" : "");
        out.flush();
        return 0;
    }

    /** Zones by camera id from the registry being replaced; read with placeholders, URLs are not needed. */
    private static Map<String, List<ZoneConfig>> existingZones(Path target, PrintWriter err) {
        try {
            List<PointConfig> old = new ConfigLoader(new PlaceholderEnv(Map.of())).loadPoints(target, IngestConfig.DEFAULT.defaultSampleInterval());
            Map<String, List<ZoneConfig>> zones = new HashMap<>();
            old.stream().flatMap(p -> p.cameras().stream()).filter(c -> !c.zones().isEmpty()).forEach(c -> zones.put(c.id(), c.zones()));
            return zones;
        } catch (ConfigException e) {
            err.println("warning: the registry being replaced (" + target + ") does not load (" + e.errors().size()
                    + " error(s)); its zones are not carried over (it is kept as " + target.getFileName() + ".bak)");
            return Map.of();
        }
    }
}
