package fasterjava.basics.growth;

import fasterjava.basics.TopicReport;
import fasterjava.util.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table and one-line findings for a topic's growth curves: what was expected, what was fitted. */
public final class GrowthTable {
    private GrowthTable() {
    }

    /**
     * One row per curve: expected growth, fitted exponent, R², points fitted of points measured, the n range and
     * the time of one call at the largest n.
     *
     * @param expected each curve's expected growth as text ({@code "n²"}); a curve without an entry shows "-"
     */
    public static TextTable of(List<TopicReport.Curve> curves, Map<String, String> expected) {
        List<List<String>> rows = new ArrayList<>();
        for (TopicReport.Curve curve : curves) {
            List<TopicReport.Point> points = curve.points();
            TopicReport.Point last = points.get(points.size() - 1);
            long fitted = points.stream().filter(p -> !p.nearResolution()).count();
            rows.add(List.of(curve.name(), expected.getOrDefault(curve.name(), "-"), exponent(curve.exponent()),
                    Double.isNaN(curve.rSquared()) ? "-" : String.format(Locale.ROOT, "%.3f", curve.rSquared()),
                    fitted + "/" + points.size(),
                    String.format(Locale.ROOT, "%,d..%,d", points.get(0).n(), last.n()),
                    GrowthCurves.seconds(last.seconds())));
        }
        return new TextTable(List.of("curve", "expected", "fitted exponent", "R²", "points fitted", "n",
                "per call at largest n"), rows);
    }

    /** {@code plus-equals: time per call grows as n^1.97 (R² 0.998) up to n = 262,144, 0.93 s per call}. */
    public static String finding(TopicReport.Curve curve) {
        TopicReport.Point last = curve.points().get(curve.points().size() - 1);
        if (Double.isNaN(curve.exponent())) {
            return String.format(Locale.ROOT, "%s: too few points above the timer's resolution to fit (%s per call "
                    + "at n = %,d)", curve.name(), GrowthCurves.seconds(last.seconds()), last.n());
        }
        return String.format(Locale.ROOT, "%s: time per call grows as n^%.2f (R² %.3f) up to n = %,d, %s per call",
                curve.name(), curve.exponent(), curve.rSquared(), last.n(), GrowthCurves.seconds(last.seconds()));
    }

    /** {@code 1.97}, or {@code -} when there is no fit. */
    public static String exponent(double exponent) {
        return Double.isNaN(exponent) ? "-" : String.format(Locale.ROOT, "%.2f", exponent);
    }
}
