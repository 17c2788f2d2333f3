package cn.xuncha.config.importer;

import java.util.List;
import java.util.stream.Collectors;

/** The import failed; carries every problem found (not only the first) and the warnings gathered so far. */
public class ImportException extends Exception {
    private final List<ImportProblem> problems;
    private final List<String> warnings;

    public ImportException(List<ImportProblem> problems, List<String> warnings) {
        super(problems.size() + " problem(s)\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    public static ImportException of(String message) {
        return new ImportException(List.of(new ImportProblem(0, null, message)), List.of());
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public List<String> warnings() {
        return warnings;
    }
}
