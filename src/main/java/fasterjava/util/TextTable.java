package fasterjava.util;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells and its three renderings: aligned console text, Markdown and CSV. Every report of the
 * project (ladders, basics topics) prints through it, so the formats agree everywhere.
 *
 * @param header column titles
 * @param rows one list of cells per row, each as long as the header
 */
public record TextTable(List<String> header, List<List<String>> rows) {
    public TextTable {
        header = List.copyOf(header);
        List<List<String>> copied = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size()
                        + ": " + row);
            }
            copied.add(List.copyOf(row));
        }
        rows = List.copyOf(copied);
    }

    /** Columns padded to their widest cell, two spaces apart, a rule under the header. */
    public String toConsole() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendAligned(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> row : rows) {
            appendAligned(out, row, widths);
        }
        return out.toString();
    }

    private static void appendAligned(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length() + 2));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** A GitHub-flavoured Markdown table; a {@code |} inside a cell is escaped. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** RFC 4180 CSV: a cell holding a comma, quote or line break is quoted, quotes doubled. */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", header.stream().map(TextTable::csvCell).toList())).append('\n');
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(TextTable::csvCell).toList())).append('\n');
        }
        return out.toString();
    }

    /** One CSV cell, quoted when it must be. */
    public static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
