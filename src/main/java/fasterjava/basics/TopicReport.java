package fasterjava.basics;

import fasterjava.ladder.Machine;
import fasterjava.util.TextTable;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a basics topic measured: findings in a sentence each, a table, fitted growth curves (empty for topics that
 * are not about growth) and charts. {@link TopicResults} writes it to {@code results/basics-<slug>.{csv,md,png}}
 * and renders it as JSON.
 *
 * @param slug the topic's slug
 * @param title the topic's title
 * @param context where and on what it was measured: machine, JDK, size, data
 * @param findings one sentence per measured claim, each with its number ("{@code +=} grows as n^1.97")
 * @param table the measurements as rows (the CSV file)
 * @param curves timed curves with their fitted exponents, for the growth topics
 * @param charts the charts; the first is the one written to the PNG file
 */
public record TopicReport(String slug, String title, String context, List<String> findings, TextTable table,
        List<Curve> curves, List<Chart<?, ?>> charts) {
    public TopicReport {
        findings = List.copyOf(findings);
        curves = List.copyOf(curves);
        charts = List.copyOf(charts);
    }

    /** {@code measured on <machine>, size <size>; <detail>}: the context line every topic reports. */
    public static String contextLine(Size size, String detail) {
        return "measured on " + Machine.describe() + ", size " + size.label() + (detail.isEmpty() ? "" : "; " + detail);
    }

    /**
     * One timed function over growing n.
     *
     * @param name machine name, lower-case and hyphenated: {@code plus-equals}
     * @param exponent the fitted slope of log(seconds) over log(n), NaN when fewer than two points could be fitted
     * @param points (n, seconds) pairs, n ascending
     * @param rSquared how well the straight line fits on the log-log scale (1 = exactly), NaN without a fit
     */
    public record Curve(String name, double exponent, List<Point> points, double rSquared) {
        public Curve {
            points = List.copyOf(points);
        }

        /** A curve whose fit quality is not known. */
        public Curve(String name, double exponent, List<Point> points) {
            this(name, exponent, points, Double.NaN);
        }
    }

    /**
     * One measured point: {@code seconds} for one call at size {@code n}.
     *
     * @param n the input size
     * @param seconds the time of one call in the fastest of the repetitions
     * @param spread (slowest − fastest) / fastest over the repetitions, 0 when measured once
     * @param nearResolution the timed samples were too short for the timer to measure well, so the point is left
     *     out of the fit
     */
    public record Point(long n, double seconds, double spread, boolean nearResolution) {
        /** A point measured once, well above the timer's resolution. */
        public Point(long n, double seconds) {
            this(n, seconds, 0, false);
        }
    }
}
