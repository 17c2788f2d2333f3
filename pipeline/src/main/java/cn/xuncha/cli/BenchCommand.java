package cn.xuncha.cli;

import picocli.CommandLine.Command;

/** {@code xuncha bench …}: benchmarks that print a table and end with one JSON line of figures. */
@Command(name = "bench", description = "Benchmarks (readable table, then one JSON line).", subcommands = {cn.xuncha.cli.bench.BenchIngestCommand.class, BenchAnalysisCommand.class, BenchCasesCommand.class, cn.xuncha.cli.bench.BenchWebCommand.class, BenchScanCommand.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
