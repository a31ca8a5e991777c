package fasterjava.peers;

import fasterjava.ladder.Units;
import fasterjava.util.TextTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Java and Python measured in the same run on the same data, beside the published figures: the rows, the context
 * (machine, JDK, Python and its libraries, data) and the renderings — console table, Markdown, CSV.
 *
 * @param ladder the ladder's name
 * @param unit the work item, singular
 * @param context one paragraph: machine, JDK, Python, data
 * @param rows in ladder order: each Java step, then the Python version closest to it, then its published figures
 * @param skipped why the Python rows are missing, or empty when they were measured
 */
public record PeersReport(String ladder, String unit, String context, List<PeerRow> rows, Optional<String> skipped) {
    public PeersReport {
        rows = List.copyOf(rows);
    }

    public List<PeerRow> rows(PeerRow.Kind kind) {
        return rows.stream().filter(row -> row.kind() == kind).toList();
    }

    /** The fastest row of a kind, if there is one. */
    public Optional<PeerRow> fastest(PeerRow.Kind kind) {
        return rows(kind).stream().min(Comparator.comparingDouble(PeerRow::nanosPerItem));
    }

    public List<String> header() {
        return List.of("kind", "step", "title", "per " + unit, "threads", "mirrors",
                "Java speedup over its Python peer", "detail");
    }

    public List<List<String>> cells() {
        List<List<String>> cells = new ArrayList<>();
        for (PeerRow row : rows) {
            cells.add(List.of(row.kind().label(), row.step(), row.title(), Units.nanos(row.nanosPerItem()),
                    row.threads() == 0 ? "-" : row.threads() == 1 ? "1 (single)" : Integer.toString(row.threads()),
                    row.mirrors().isEmpty() ? "-" : row.mirrors(), Units.ratio(row.javaSpeedup()), row.detail()));
        }
        return cells;
    }

    /** The closing lines: the fastest of each side and their ratio, or why Python was skipped; the context. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        skipped.ifPresent(reason -> out.append("Python rows skipped: ").append(reason).append('\n'));
        Optional<PeerRow> java = fastest(PeerRow.Kind.JAVA);
        Optional<PeerRow> python = fastest(PeerRow.Kind.PYTHON);
        if (java.isPresent() && python.isPresent()) {
            out.append(String.format(Locale.ROOT, "Fastest Java step %s (%s, %s) vs fastest Python version %s (%s, "
                    + "%s): Java %s faster.%n", java.get().step(), Units.nanos(java.get().nanosPerItem()),
                    threads(java.get()), python.get().step(), Units.nanos(python.get().nanosPerItem()),
                    threads(python.get()), Units.ratio(python.get().nanosPerItem() / java.get().nanosPerItem())));
        }
        out.append("Threads: \"1 (single)\" rows compute on one thread; the others on all cores. Published figures "
                + "were measured elsewhere (see their source), never here.\n");
        return out.append(context).append('\n').toString();
    }

    private static String threads(PeerRow row) {
        return row.threads() == 1 ? "one thread" : row.threads() + " threads";
    }

    public String toConsoleTable() {
        return new TextTable(header(), cells()).toConsole() + summary();
    }

    public String toMarkdown() {
        return "# " + ladder + ": Java and Python side by side\n\n" + new TextTable(header(), cells()).toMarkdown()
                + "\n" + summary();
    }

    /** Machine-readable, one row per line; the title last (it may hold commas, so it is quoted). */
    public String toCsv() {
        StringBuilder out = new StringBuilder("kind,step,mirrors,ns_per_item,threads,java_speedup_over_python,"
                + "detail,title\n");
        for (PeerRow row : rows) {
            out.append(String.join(",", row.kind().name().toLowerCase(Locale.ROOT), TextTable.csvCell(row.step()),
                    TextTable.csvCell(row.mirrors()), number(row.nanosPerItem()), Integer.toString(row.threads()),
                    number(row.javaSpeedup()), TextTable.csvCell(row.detail()), TextTable.csvCell(row.title())))
                    .append('\n');
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }
}
