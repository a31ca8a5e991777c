package fasterjava.basics;

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

    /**
     * One timed function over growing n.
     *
     * @param name machine name, lower-case and hyphenated: {@code plus-equals}
     * @param exponent the fitted slope of log(seconds) over log(n)
     * @param points (n, seconds) pairs, n ascending
     */
    public record Curve(String name, double exponent, List<Point> points) {
        public Curve {
            points = List.copyOf(points);
        }
    }

    /** One measured point: {@code seconds} for one call at size {@code n}. */
    public record Point(long n, double seconds) {
    }
}
