package cn.xuncha.cli;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.ConfigException;
import cn.xuncha.config.Durations;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ZoneConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code xuncha points list [FILE] [--json]}: a table of points, or one JSON object per line; URLs always masked. */
@Command(mixinStandardHelpOptions = true, name = "list", description = "List points: a table (id, name, type, unit, cameras) or JSON lines with masked URLs.")
final class PointsListCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    @ParentCommand PointsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "default: " + PointsCommand.DEFAULT_FILE)
    Path file;

    @Option(names = "--json", description = "one JSON object per point and line")
    boolean json;

    @Option(names = "--allow-missing-env", description = "list even if $${VAR} references are unset (placeholders)")
    boolean allowMissingEnv;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        Path f = RegistryFile.orDefault(file);
        RegistryFile loaded;
        try {
            loaded = RegistryFile.load(f, parent.env(), allowMissingEnv);
        } catch (ConfigException e) {
            return RegistryFile.report(f, e, spec.commandLine().getErr());
        }
        loaded.warnPlaceholders(spec.commandLine().getErr());
        List<PointConfig> points = loaded.config().points();
        if (json) {
            for (PointConfig p : points) out.println(JSON.writeValueAsString(toJson(p)));
        } else {
            TextTable t = new TextTable("id", "name", "type", "unit", "cameras");
            for (PointConfig p : points) t.row(p.id(), p.name(), p.type(), p.unit(), String.valueOf(p.cameras().size()));
            t.print(out);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> toJson(PointConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("type", p.type());
        m.put("unit", p.unit());
        if (p.lat() != null) m.put("lat", p.lat());
        if (p.lon() != null) m.put("lon", p.lon());
        m.put("cameras", p.cameras().stream().map(PointsListCommand::toJson).toList());
        return m;
    }

    private static Map<String, Object> toJson(CameraConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("url", c.maskedUrl()); // never the expanded credentials
        m.put("sampleInterval", Durations.format(c.sampleInterval()));
        m.put("zones", c.zones().stream().map(PointsListCommand::toJson).toList());
        return m;
    }

    private static Map<String, Object> toJson(ZoneConfig z) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", z.name());
        m.put("rule", z.rule().code());
        m.put("polygon", z.polygon());
        m.put("dwell", Durations.format(z.dwell()));
        return m;
    }
}
