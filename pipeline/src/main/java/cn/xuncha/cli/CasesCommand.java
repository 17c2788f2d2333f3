package cn.xuncha.cli;

import cn.xuncha.cases.CaseQuery;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.service.CaseJson;
import cn.xuncha.cases.service.ReviewExport;
import cn.xuncha.cases.store.CaseStore;
import cn.xuncha.cases.store.Database;
import cn.xuncha.cases.store.EvidenceStore;
import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.XunchaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xuncha cases …}: case data for operators' scripts and exports. */
@Command(name = "cases", description = "Cases in the configured database.", subcommands = {CasesCommand.ListCases.class, CasesCommand.ExportReviews.class})
public final class CasesCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code xuncha cases list [--json] [--state S] [--unit U] [--config FILE]}. */
    @Command(name = "list", description = "List cases (run while the service is stopped, or against its database server).")
    public static final class ListCases implements Callable<Integer> {
        @Option(names = "--json", description = "one JSON object per line")
        boolean json;

        @Option(names = "--state", paramLabel = "S", description = "PENDING, DISMISSED, CONFIRMED, DISPATCHED, RECTIFIED or CLOSED")
        String state;

        @Option(names = "--unit", paramLabel = "U", description = "responsible unit")
        String unit;

        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "service config (default: ./xuncha.yaml, else seeds/demo.yaml)")
        Path config;

        @Override
        public Integer call() throws Exception {
            CaseState s;
            try {
                s = state == null ? null : CaseState.parse(state);
            } catch (IllegalArgumentException e) {
                System.err.println("xuncha cases list: --state: " + e.getMessage());
                return 2;
            }
            XunchaConfig cfg;
            try {
                cfg = ConfigLoader.loadFile(configPath());
            } catch (ConfigException e) {
                System.err.println("xuncha: invalid configuration " + e.getMessage());
                return 2;
            }
            try (Database db = Database.open(cfg.storage()); Connection c = db.connection()) {
                CaseStore store = new CaseStore();
                if (!json) System.out.printf("%-6s %-12s %-12s %-16s %-10s %-16s %-20s %-20s %s%n",
                        "id", "point", "camera", "category", "state", "unit", "firstSeen", "lastSeen", "rebound");
                for (int offset = 0; ; offset += CaseQuery.MAX_LIMIT) {
                    List<CaseRecord> page = store.list(c, new CaseQuery(s, unit, null, null, null, offset, CaseQuery.MAX_LIMIT, false));
                    for (CaseRecord r : page) print(r);
                    if (page.size() < CaseQuery.MAX_LIMIT) break;
                }
            } catch (IllegalStateException e) {
                System.err.println("xuncha cases list: " + e.getMessage());
                return 1;
            }
            return 0;
        }

        private void print(CaseRecord r) throws Exception {
            if (!json) {
                System.out.printf("%-6d %-12s %-12s %-16s %-10s %-16s %-20s %-20s %s%n", r.id(), r.pointId(), r.cameraId(), r.category().code(),
                        r.state(), r.unit(), r.firstSeen(), r.lastSeen(), r.rebound() ? "yes" : "");
                return;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("point", r.pointId());
            m.put("camera", r.cameraId());
            m.put("category", r.category().code());
            m.put("state", r.state().name());
            m.put("unit", r.unit());
            m.put("firstSeen", r.firstSeen().toString());
            m.put("lastSeen", r.lastSeen().toString());
            m.put("rebound", r.rebound());
            System.out.println(CaseJson.mapper().writeValueAsString(m));
        }

        private Path configPath() {
            return CasesCommand.configPath(config);
        }
    }

    /** {@code xuncha cases export-reviews DIR [--config FILE]}: labelled examples for {@code xuncha train --from-reviews DIR}. */
    @Command(name = "export-reviews", description = "Write the crops of confirmed (label 1) and dismissed (label 0) cases and DIR/labels.csv "
            + "(file,label,category) for training.")
    public static final class ExportReviews implements Callable<Integer> {
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "DIR", description = "output directory (created if missing)")
        Path dir;

        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "service config (default: ./xuncha.yaml, else seeds/demo.yaml)")
        Path config;

        @Override
        public Integer call() throws Exception {
            XunchaConfig cfg;
            try {
                cfg = ConfigLoader.loadFile(CasesCommand.configPath(config));
            } catch (ConfigException e) {
                System.err.println("xuncha: invalid configuration " + e.getMessage());
                return 2;
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                System.err.println("xuncha cases export-reviews: " + dir + " exists and is not a directory");
                return 2;
            }
            try (Database db = Database.open(cfg.storage())) {
                ReviewExport.Result r = new ReviewExport(db, new EvidenceStore(Path.of(cfg.storage().dataDir()))).write(dir);
                System.out.printf("%d example(s) written to %s (%d confirmed, %d dismissed)%s%n", r.written(), dir.resolve(ReviewExport.LABELS),
                        r.confirmed(), r.dismissed(), r.withoutCrop() == 0 ? "" : "; " + r.withoutCrop() + " reviewed case(s) skipped: no crop evidence left");
                return 0;
            } catch (IllegalStateException e) {
                System.err.println("xuncha cases export-reviews: " + e.getMessage());
                return 1;
            }
        }
    }

    static Path configPath(Path config) {
        if (config != null) return config;
        Path local = Path.of("xuncha.yaml");
        return Files.exists(local) ? local : Path.of(System.getProperty("xuncha.home", ".")).resolve("seeds/demo.yaml");
    }
}
