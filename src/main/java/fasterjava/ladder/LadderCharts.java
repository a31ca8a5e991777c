package fasterjava.ladder;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * XChart renderings of a {@link LadderReport}. Log scales by default (a ladder's steps span orders of magnitude);
 * a linear axis on request, for ladders whose steps are close. Charts render headlessly
 * ({@code -Djava.awt.headless=true}) to PNG files or images for notebooks.
 */
public final class LadderCharts {
    public static final int WIDTH = 1100;
    public static final int HEIGHT = 600;

    /** The value axis. */
    public enum Axis {
        LOG, LINEAR
    }

    private LadderCharts() {
    }

    /**
     * Time per item, per step: ours measured on this machine beside each published source's matching step
     * (a missing published figure leaves no bar).
     */
    public static CategoryChart timePerItem(LadderReport report) {
        return timePerItem(report, Axis.LOG);
    }

    public static CategoryChart timePerItem(LadderReport report, Axis axis) {
        CategoryChart chart = base(report, "Time per " + report.unit() + scaleNote(axis, "lower is better"),
                "ns per " + report.unit(), axis);
        List<String> ids = report.steps().stream().map(StepTiming::id).toList();
        chart.addSeries("Java, measured here", ids,
                report.steps().stream().map(s -> (Number) s.nanosPerItem()).toList());
        for (String source : publishedSources(report)) {
            List<Number> values = new ArrayList<>();
            for (StepTiming step : report.steps()) {
                values.add(step.published().stream().filter(p -> p.source().equals(source)).findFirst()
                        .map(p -> (Number) p.nanosPerItem()).orElse(null));
            }
            chart.addSeries(source + " (published, " + machineOf(report, source) + ")", ids, values);
        }
        return axis == Axis.LOG ? fitLogAxis(chart) : chart;
    }

    /** Cumulative speedup of each step over the baseline, measured here. */
    public static CategoryChart speedup(LadderReport report) {
        return speedup(report, Axis.LOG);
    }

    public static CategoryChart speedup(LadderReport report, Axis axis) {
        CategoryChart chart = base(report, "Speedup over " + report.baseline().id() + scaleNote(axis, null),
                "times faster than the baseline", axis);
        List<String> ids = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (int i = 0; i < report.steps().size(); i++) {
            ids.add(report.steps().get(i).id());
            values.add(report.speedupOverBaseline(i));
        }
        chart.addSeries("Java, measured here", ids, values);
        return axis == Axis.LOG ? fitLogAxis(chart) : chart;
    }

    private static String scaleNote(Axis axis, String extra) {
        String scale = axis == Axis.LOG ? "log scale" : "linear scale";
        return " (" + (extra == null ? scale : scale + ", " + extra) + ")";
    }

    public static BufferedImage image(CategoryChart chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static CategoryChart base(LadderReport report, String title, String yTitle, Axis axis) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(report.ladder() + ": " + title).xAxisTitle("step").yAxisTitle(yTitle).build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisLogarithmic(axis == Axis.LOG);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);
        return chart;
    }

    /**
     * Makes {@code chart}'s value axis logarithmic over whole decades around the data: XChart's automatic range
     * would start bars at zero (or at zero when a series has gaps, as a step without a published figure), which a
     * log axis cannot show.
     */
    public static CategoryChart fitLogAxis(CategoryChart chart) {
        chart.getStyler().setYAxisLogarithmic(true);
        double min = Double.MAX_VALUE;
        double max = Double.MIN_VALUE;
        for (var series : chart.getSeriesMap().values()) {
            for (Number value : series.getYData()) {
                if (value != null && value.doubleValue() > 0) {
                    min = Math.min(min, value.doubleValue());
                    max = Math.max(max, value.doubleValue());
                }
            }
        }
        if (min <= max) {
            // Bars grow from the axis minimum: keep it at least 3x below the smallest value, or that bar vanishes.
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min / 3))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max) + 1e-9)));
        }
        return chart;
    }

    private static Set<String> publishedSources(LadderReport report) {
        Set<String> sources = new LinkedHashSet<>();
        report.steps().forEach(s -> s.published().forEach(p -> sources.add(p.source())));
        return sources;
    }

    private static String machineOf(LadderReport report, String source) {
        return report.steps().stream().flatMap(s -> s.published().stream()).filter(p -> p.source().equals(source))
                .map(Published::machine).findFirst().orElse("?");
    }
}
