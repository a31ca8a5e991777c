package fasterjava.ladder;

import fasterjava.util.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A ladder run's measurements, with the context every figure needs (machine, JDK, data), and its renderings:
 * an aligned console table, Markdown and CSV.
 *
 * @param baseline the baseline's timing (the speedup denominator), whether or not it was selected for display
 * @param steps the selected steps' timings, in ladder order
 */
public record LadderReport(String ladder, String unit, String data, String machine, StepTiming baseline,
        List<StepTiming> steps) {
    private static final List<String> COLUMNS = List.of("step", "title", "per item", "vs baseline",
            "vs previous", "items", "runs", "prepare", "published (per item)", "published speedup");

    public LadderReport {
        steps = List.copyOf(steps);
    }

    public double speedupOverBaseline(int index) {
        return baseline.nanosPerItem() / steps.get(index).nanosPerItem();
    }

    /** Over the step listed before it (NaN for the first row). */
    public double speedupOverPrevious(int index) {
        return index == 0 ? Double.NaN : steps.get(index - 1).nanosPerItem() / steps.get(index).nanosPerItem();
    }

    public StepTiming step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + id + " in this run"));
    }

    /** The rows as cells: one list per step, matching {@link #header()}. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepTiming step = steps.get(i);
            Published first = step.published().isEmpty() ? null : step.published().get(0);
            rows.add(List.of(step.id(), step.title(), Units.nanos(step.nanosPerItem()),
                    Units.ratio(speedupOverBaseline(i)), Units.ratio(speedupOverPrevious(i)),
                    String.format(Locale.ROOT, "%,d", step.items()), Integer.toString(step.runs()),
                    String.format(Locale.ROOT, "%.2f s", step.prepareSeconds()),
                    first == null ? "-" : first.label() + " (" + first.source() + "): " + Units.nanos(
                            first.nanosPerItem()),
                    first == null ? "-" : Units.ratio(publishedBaseline(first) / first.nanosPerItem())));
        }
        return rows;
    }

    public List<String> header() {
        return COLUMNS.stream().map(c -> c.replace("item", unit)).toList();
    }

    /** The same source's baseline figure (its first step), the denominator of its published speedups. */
    private double publishedBaseline(Published figure) {
        return baseline.published().stream().filter(p -> p.source().equals(figure.source())).findFirst()
                .map(Published::nanosPerItem).orElse(Double.NaN);
    }

    public String context() {
        return "Measured on " + machine + "; data: " + data + ".";
    }

    public String toConsoleTable() {
        return new TextTable(header(), rows()).toConsole() + context() + "\n";
    }

    public String toMarkdown() {
        return new TextTable(header(), rows()).toMarkdown() + "\n" + context() + "\n";
    }

    /** Machine-readable: raw numbers, one row per step. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(
                "step,title,items,runs,best_seconds,ns_per_item,speedup_vs_baseline,speedup_vs_previous,"
                        + "prepare_seconds,verified_items,published_source,published_label,published_ns_per_item\n");
        for (int i = 0; i < steps.size(); i++) {
            StepTiming step = steps.get(i);
            Published first = step.published().isEmpty() ? null : step.published().get(0);
            out.append(String.join(",", step.id(), csv(step.title()), Integer.toString(step.items()),
                    Integer.toString(step.runs()), number(step.bestSeconds()), number(step.nanosPerItem()),
                    number(speedupOverBaseline(i)), number(speedupOverPrevious(i)), number(step.prepareSeconds()),
                    Integer.toString(step.verifiedItems()), first == null ? "" : csv(first.source()),
                    first == null ? "" : csv(first.label()), first == null ? "" : number(first.nanosPerItem())))
                    .append('\n');
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }

    private static String csv(String text) {
        return TextTable.csvCell(text);
    }
}
