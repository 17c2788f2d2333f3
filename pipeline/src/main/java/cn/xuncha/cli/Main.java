package cn.xuncha.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xuncha} command line: the service, the demo, and the tools around them. */
@Command(name = "xuncha", mixinStandardHelpOptions = true, version = "xuncha 0.1.0",
        description = "巡查 xuncha — camera patrol for civilized-city assessment points.",
        subcommands = {RunCommand.class, DemoCommand.class, PointsCommand.class, CasesCommand.class, UserCommand.class, ScanCommand.class, ReportCommand.class,
                DetectCommand.class, AnalyzeCommand.class, TrainCommand.class, EvalCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0 || !isService(args)) System.exit(code);
    }

    private static boolean isService(String[] args) {
        return args.length > 0 && (args[0].equals("run") || args[0].equals("demo"));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
