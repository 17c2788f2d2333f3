package cn.xuncha.config.importer;

/** A problem in an imported spreadsheet, located by row and column header as written in the file. */
public record ImportProblem(int row, String column, String message) {
    @Override
    public String toString() {
        if (row <= 0) return column == null ? message : column + ": " + message;
        return "row " + row + (column == null ? "" : ", " + column) + ": " + message;
    }
}
