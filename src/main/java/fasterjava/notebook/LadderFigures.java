package fasterjava.notebook;

import fasterjava.ladder.LadderReport;
import fasterjava.ladder.Published;
import fasterjava.ladder.StepTiming;
import fasterjava.ladder.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a notebook's timing cell shows: the figures (this run's, or at {@code tiny} a reference run's), where they
 * come from, what this run verified, and which steps came out slower than the step before them. Its
 * {@link #toString()} is an HTML table, which the kernel renders when the object is a cell's last expression.
 *
 * @param report the figures shown
 * @param source where they come from, e.g. "measured here in this run, size small"
 * @param measured this run's own measurements, which did the verifying (equal to {@code report} when shown)
 * @param highlight the step the notebook is about (shown in bold), or null
 * @param failure why the last step was not verified, or null when every step was
 */
public record LadderFigures(LadderReport report, String source, LadderReport measured, String highlight,
        String failure) {

    /** Whether every step in the run matched the baseline. */
    public boolean verified() {
        return failure == null;
    }

    /** The steps slower than the step before them in {@link #report()}, one line each. */
    public List<String> slowerThanPrevious() {
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < report.steps().size(); i++) {
            double speedup = report.speedupOverPrevious(i);
            if (speedup < 1) {
                flags.add(String.format(Locale.ROOT, "%s is slower than %s here: %s of its speed (%s vs %s per %s)",
                        report.steps().get(i).id(), report.steps().get(i - 1).id(), Units.ratio(speedup),
                        Units.nanos(report.steps().get(i).nanosPerItem()),
                        Units.nanos(report.steps().get(i - 1).nanosPerItem()), report.unit()));
            }
        }
        return flags;
    }

    /** One line per step: the id, how it was checked. From {@link #measured()}, which ran here. */
    private String verification(String id) {
        return measured.steps().stream().filter(s -> s.id().equals(id)).findFirst().map(StepTiming::verification)
                .orElse("");
    }

    /** A short caption line: what ran, at what size, on what. */
    public String caption() {
        return report.ladder() + " · figures: " + source + " · data: " + report.data() + " · machine: "
                + report.machine();
    }

    @Override
    public String toString() {
        StringBuilder html = new StringBuilder("<table style=\"border-collapse:collapse;font-size:13px\">")
                .append("<caption style=\"caption-side:top;text-align:left;padding:4px 0\">")
                .append(LineDiff.escape(caption())).append("</caption><thead><tr>");
        for (String column : List.of("step", "per " + report.unit(), "vs baseline", "vs previous", "verified here",
                "published (per " + report.unit() + ")")) {
            html.append("<th style=\"text-align:left;padding:2px 8px\">").append(column).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        List<StepTiming> steps = report.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepTiming step = steps.get(i);
            boolean slower = report.speedupOverPrevious(i) < 1;
            String style = step.id().equals(highlight) ? "font-weight:bold;background:#fff8c5" : "";
            html.append("<tr style=\"").append(style).append("\">");
            cell(html, step.id() + " " + step.title(), "");
            cell(html, Units.nanos(step.nanosPerItem()), "text-align:right");
            cell(html, Units.ratio(report.speedupOverBaseline(i)), "text-align:right");
            cell(html, (slower ? "⚠ " : "") + Units.ratio(report.speedupOverPrevious(i)),
                    "text-align:right" + (slower ? ";color:#b35900" : ""));
            String verification = verification(step.id());
            cell(html, verification.isEmpty() ? "✗ not run" : "✓", "text-align:center");
            Published first = step.published().isEmpty() ? null : step.published().get(0);
            cell(html, first == null ? "-" : first.label() + " (" + first.source() + "): "
                    + Units.nanos(first.nanosPerItem()), "");
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (failure != null) {
            html.append("<p style=\"color:#b00020\"><b>not verified:</b> ").append(LineDiff.escape(failure))
                    .append("</p>");
        }
        return html.toString();
    }

    private static void cell(StringBuilder html, String text, String style) {
        html.append("<td style=\"padding:2px 8px;").append(style).append("\">").append(LineDiff.escape(text))
                .append("</td>");
    }
}
