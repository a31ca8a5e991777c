package fasterjava.basics.growth;

import fasterjava.basics.TopicReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Growth curves on a log-log XChart: each measured curve with its fitted line (dashed, same colour) and its
 * exponent in the legend, the points left out of the fit (too near the timer's resolution) marked apart, and
 * grey guides for O(1), O(log n), O(n), O(n log n) and O(n²) drawn from the smallest point so the slopes can be
 * compared by eye. On log-log axes a power law n^k is a straight line of slope k.
 */
public final class GrowthCharts {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
    private static final Color GUIDE = new Color(0xb0b0b0);
    private static final int GUIDE_STEPS = 40;

    /** A complexity class drawn as a guide, scaled so it passes through the anchor point. */
    private record Guide(String label, DoubleUnaryOperator growth) {
    }

    private static final List<Guide> GUIDES = List.of(
            new Guide("O(1)", n -> 1),
            new Guide("O(log n)", n -> Math.log(n + 1)),
            new Guide("O(n)", n -> n),
            new Guide("O(n log n)", n -> n * Math.log(n + 1)),
            new Guide("O(n²)", n -> n * n));

    private GrowthCharts() {
    }

    /** Seconds per call over n, both log scales, for {@code curves} (each with at least one point). */
    public static XYChart chart(String title, List<TopicReport.Curve> curves) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("n (log scale)").yAxisTitle("seconds per call (log scale)").build();
        Styler styler = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(7);
        double minN = Double.MAX_VALUE;
        double maxN = 0;
        double minSeconds = Double.MAX_VALUE;
        double maxSeconds = 0;
        double anchorSeconds = Double.MAX_VALUE;
        for (TopicReport.Curve curve : curves) {
            for (TopicReport.Point point : curve.points()) {
                minN = Math.min(minN, point.n());
                maxN = Math.max(maxN, point.n());
                minSeconds = Math.min(minSeconds, point.seconds());
                maxSeconds = Math.max(maxSeconds, point.seconds());
            }
        }
        for (TopicReport.Curve curve : curves) {
            TopicReport.Point first = curve.points().get(0);
            if (first.n() == (long) minN) {
                anchorSeconds = Math.min(anchorSeconds, first.seconds());
            }
        }
        if (anchorSeconds == Double.MAX_VALUE) {
            anchorSeconds = minSeconds;
        }
        double top = Math.pow(10, Math.ceil(Math.log10(maxSeconds * 1.01)));
        double bottom = Math.pow(10, Math.floor(Math.log10(minSeconds * 0.99)));
        for (Guide guide : GUIDES) {
            addGuide(chart, guide, minN, maxN, anchorSeconds, bottom, top);
        }
        List<Double> flaggedN = new ArrayList<>();
        List<Double> flaggedSeconds = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            TopicReport.Curve curve = curves.get(i);
            Color color = PALETTE[i % PALETTE.length];
            List<Double> ns = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (TopicReport.Point point : curve.points()) {
                ns.add((double) point.n());
                seconds.add(point.seconds());
                if (point.nearResolution()) {
                    flaggedN.add((double) point.n());
                    flaggedSeconds.add(point.seconds());
                }
            }
            XYSeries measured = chart.addSeries(legend(curve), ns, seconds);
            measured.setLineColor(color);
            measured.setMarkerColor(color);
            measured.setMarker(SeriesMarkers.CIRCLE);
            addFit(chart, curve, color);
        }
        if (!flaggedN.isEmpty()) {
            XYSeries flagged = chart.addSeries("near timer resolution (not fitted)", flaggedN, flaggedSeconds);
            flagged.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            flagged.setMarker(SeriesMarkers.CROSS);
            flagged.setMarkerColor(Color.BLACK);
        }
        chart.getStyler().setYAxisMin(bottom);
        chart.getStyler().setYAxisMax(top);
        return chart;
    }

    /** {@code plus-equals ~ n^1.97}, or the bare name when there is no fit. */
    static String legend(TopicReport.Curve curve) {
        return Double.isNaN(curve.exponent()) ? curve.name()
                : String.format(Locale.ROOT, "%s ~ n^%.2f", curve.name(), curve.exponent());
    }

    private static void addFit(XYChart chart, TopicReport.Curve curve, Color color) {
        ExponentFit fit = ExponentFit.of(curve.points());
        if (Double.isNaN(fit.exponent())) {
            return;
        }
        List<TopicReport.Point> fitted = curve.points().stream().filter(p -> !p.nearResolution()).toList();
        double from = fitted.get(0).n();
        double to = fitted.get(fitted.size() - 1).n();
        XYSeries line = chart.addSeries(curve.name() + " fit", List.of(from, to),
                List.of(fit.secondsAt(from), fit.secondsAt(to)));
        line.setLineColor(color);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                new float[] {6, 4}, 0));
        line.setShowInLegend(false);
    }

    /** The guide through (minN, anchorSeconds), stopped where it leaves the chart's time range. */
    private static void addGuide(XYChart chart, Guide guide, double minN, double maxN, double anchorSeconds,
            double bottom, double top) {
        List<Double> ns = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        double scale = anchorSeconds / guide.growth().applyAsDouble(minN);
        for (int step = 0; step <= GUIDE_STEPS; step++) {
            double n = minN * Math.pow(maxN / minN, (double) step / GUIDE_STEPS);
            double value = scale * guide.growth().applyAsDouble(n);
            if (value > top || value < bottom) {
                break;
            }
            ns.add(n);
            seconds.add(value);
        }
        if (ns.size() < 2) {
            return;
        }
        XYSeries series = chart.addSeries(guide.label() + " guide", ns, seconds);
        series.setLineColor(GUIDE);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                new float[] {2, 3}, 0));
        series.setShowInLegend(false);
        // Labelled where the guide ends rather than in the legend: five grey lines are told apart by position.
        chart.addAnnotation(new AnnotationText(guide.label(), ns.get(ns.size() - 1), seconds.get(seconds.size() - 1),
                false));
    }
}
