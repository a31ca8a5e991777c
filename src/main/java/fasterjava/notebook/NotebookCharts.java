package fasterjava.notebook;

import fasterjava.ladder.LadderCharts;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.StepTiming;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The charts a notebook shows for {@link LadderFigures}: where the figures come from and on what data in every
 * title, one tick format per axis, and the step the notebook is about in its own colour. Speedup bars start at
 * 1x (the baseline), so a bar's height is the gain, and carry their value.
 */
final class NotebookCharts {
    private static final Color STEP = new Color(0x4C, 0x72, 0xB0);
    private static final Color HIGHLIGHT = new Color(0xDD, 0x84, 0x52);
    /** Java's bars beside the published ones: a colour apart from the two sources' blue and yellow. */
    private static final Color JAVA = new Color(0x2C, 0x8C, 0x3C);

    private NotebookCharts() {
    }

    /** Speedup of each step over the baseline, log scale from 1x, the highlighted step in its own colour. */
    static CategoryChart speedup(LadderFigures figures) {
        LadderReport report = figures.report();
        List<String> ids = report.steps().stream().map(StepTiming::id).toList();
        List<Number> others = new ArrayList<>();
        List<Number> highlighted = new ArrayList<>();
        double min = 1;
        double max = 1;
        for (int i = 0; i < ids.size(); i++) {
            double speedup = report.speedupOverBaseline(i);
            boolean current = ids.get(i).equals(figures.highlight());
            others.add(current ? null : speedup);
            highlighted.add(current ? speedup : null);
            min = Math.min(min, speedup);
            max = Math.max(max, speedup);
        }
        CategoryChart chart = new CategoryChartBuilder().width(LadderCharts.WIDTH).height(LadderCharts.HEIGHT)
                .title(report.ladder() + ": speedup over " + report.baseline().id() + " (log scale) · "
                        + figures.source())
                .xAxisTitle("step · data: " + report.data()).yAxisTitle("times faster than the baseline").build();
        style(chart);
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max) + 1e-9)));
        // Decimal patterns, not a formatting function: XChart 3.8 places a log axis's ticks wrongly with one.
        chart.getStyler().setYAxisDecimalPattern("#,##0'x'");
        chart.getStyler().setDecimalPattern("#,##0.##'x'");
        chart.addSeries("steps", ids, others).setFillColor(STEP);
        if (figures.highlight() != null && ids.contains(figures.highlight())) {
            chart.addSeries(figures.highlight(), ids, highlighted).setFillColor(HIGHLIGHT);
        }
        return chart;
    }

    /** The ladder's time-per-item chart with the figures' source and data in the title and one tick format. */
    static CategoryChart timePerItem(LadderFigures figures) {
        CategoryChart chart = LadderCharts.timePerItem(figures.report());
        // The ladder's chart names its Java series "measured here"; these figures may be a reference run's.
        String measuredHere = chart.getSeriesMap().keySet().iterator().next();
        var java = chart.removeSeries(measuredHere);
        String source = figures.source().replaceFirst(" \\(.*", "");
        chart.addSeries("Java: " + source, new ArrayList<>(java.getXData()), new ArrayList<>(java.getYData()))
                .setFillColor(JAVA);
        chart.setXAxisTitle("step · data: " + figures.report().data() + " (published figures: their own data)");
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        return chart;
    }

    private static void style(CategoryChart chart) {
        Styler styler = chart.getStyler();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsRotation(90);
        chart.getStyler().setAvailableSpaceFill(0.7);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
    }
}
