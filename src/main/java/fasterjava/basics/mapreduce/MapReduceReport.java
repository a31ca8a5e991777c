package fasterjava.basics.mapreduce;

import fasterjava.basics.TopicReport;
import fasterjava.basics.mapreduce.MapReduceRun.Measurement;
import fasterjava.basics.mapreduce.MapReduceRun.StartUp;
import fasterjava.util.TextTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The MapReduce topic's report from what the Spark side measured: a finding per question (with its numbers), the
 * table of every variant, and two charts (time per variant; input, shuffle and cached bytes per variant).
 */
public final class MapReduceReport {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 560;

    private MapReduceReport() {
    }

    /** The topic's report of {@code run}. */
    public static TopicReport of(MapReduceRun run) {
        return new TopicReport("mapreduce", new MapReduceTopic().title(), context(run), findings(run), table(run),
                List.of(), List.of(timeChart(run), bytesChart(run)));
    }

    static String context(MapReduceRun run) {
        MapReduceRun.Corpus corpus = run.corpus();
        StringBuilder startUps = new StringBuilder();
        for (StartUp startUp : run.startUps()) {
            startUps.append(startUps.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.1f s", startUp.master(), startUp.seconds()));
        }
        return String.format(Locale.ROOT, "Measured on %s with Spark %s, size %s: a Zipf text (exponent %s, seed %d) "
                + "of %,d words, %,d distinct out of a vocabulary of %,d, %s; best of %d run(s) per variant, each "
                + "checked against the plain-Java count; Spark start-up: %s.", run.machine(), run.sparkVersion(),
                run.size(), corpus.exponent(), corpus.seed(), corpus.words(), corpus.distinctWords(),
                corpus.vocabulary(), bytes(corpus.bytes()), run.measurements().getFirst().runs(), startUps);
    }

    static List<String> findings(MapReduceRun run) {
        Measurement plain = run.of(Variant.PLAIN_JAVA);
        Measurement combined = run.of(Variant.REDUCE_BY_KEY);
        Measurement grouped = run.of(Variant.GROUP_BY_KEY);
        Measurement twoActions = run.of(Variant.TWO_ACTIONS);
        Measurement persisted = run.of(Variant.TWO_ACTIONS_PERSISTED);
        Measurement onePass = run.of(Variant.ONE_PASS);
        Measurement oneCore = run.of(Variant.LOCAL_1);
        Measurement twoCores = run.of(Variant.LOCAL_2);
        List<String> findings = new ArrayList<>();
        findings.add(String.format(Locale.ROOT, "A combiner shrank the shuffle %.1fx: reduceByKey wrote %,d records "
                + "(%s) to it, one per distinct word per partition; groupByKey wrote %,d (%s), one per word. Time: "
                + "%.2f s vs %.2f s.", ratio(grouped.shuffleWriteBytes(), combined.shuffleWriteBytes()),
                combined.shuffleWriteRecords(), bytes(combined.shuffleWriteBytes()), grouped.shuffleWriteRecords(),
                bytes(grouped.shuffleWriteBytes()), combined.seconds(), grouped.seconds()));
        findings.add(String.format(Locale.ROOT, "Two outputs (word and character counts) as two actions read the "
                + "text twice (%s of input, one pass %s) in %.2f s; one pass with tagged keys took %.2f s; the two "
                + "actions on persisted words %.2f s.", bytes(twoActions.inputBytes()), bytes(onePass.inputBytes()),
                twoActions.seconds(), onePass.seconds(), persisted.seconds()));
        findings.add(String.format(Locale.ROOT, "persist() kept the words in memory as %s of Java objects, %.1fx "
                + "the %s of text they came from; the second action read them from there (the persisted run's "
                + "input, %s, is the file read once plus the cache read back).", bytes(persisted.cachedBytes()),
                ratio(persisted.cachedBytes(), run.corpus().bytes()), bytes(run.corpus().bytes()),
                bytes(persisted.inputBytes())));
        findings.add(String.format(Locale.ROOT, "local[1] -> local[2]: %.2f s -> %.2f s, %.2fx on %d input "
                + "partitions (the same job on local[2], timed as reduceByKey earlier in the run: %.2f s).",
                oneCore.seconds(), twoCores.seconds(), oneCore.seconds() / twoCores.seconds(), twoCores.partitions(),
                combined.seconds()));
        Measurement fastestBoth = Stream.of(twoActions, persisted, onePass)
                .min(Comparator.comparingDouble(Measurement::seconds)).orElseThrow();
        findings.add(String.format(Locale.ROOT, "Plain Java on one thread, no Spark, counted the same words and "
                + "characters in %.2f s; Spark's fastest way to both counts (%s, %s) took %.2f s, %.2fx that time.",
                plain.seconds(), fastestBoth.variant(), fastestBoth.master(), fastestBoth.seconds(),
                fastestBoth.seconds() / plain.seconds()));
        return findings;
    }

    static TextTable table(MapReduceRun run) {
        double plain = run.of(Variant.PLAIN_JAVA).seconds();
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : run.measurements()) {
            Variant variant = m.kind();
            rows.add(List.of(variant.question().label(), variant.label(), m.master(),
                    String.format(Locale.ROOT, "%.3f", m.seconds()),
                    String.format(Locale.ROOT, "%.2f", m.seconds() / plain), Long.toString(m.jobs()),
                    Long.toString(m.inputBytes()), Long.toString(m.shuffleWriteBytes()),
                    Long.toString(m.shuffleWriteRecords()), Long.toString(m.cachedBytes()), variant.description()));
        }
        return new TextTable(List.of("question", "variant", "master", "seconds", "x plain Java", "jobs",
                "input bytes", "shuffle bytes", "shuffle records", "cached bytes", "what it does"), rows);
    }

    /** Best time per variant, one colour per question. */
    public static CategoryChart timeChart(MapReduceRun run) {
        CategoryChart chart = base("MapReduce on Spark: time per variant (" + run.size() + ", lower is better)",
                "seconds");
        addPerQuestion(chart, run, Measurement::seconds);
        return chart;
    }

    /** Bytes read as input, written to the shuffle and held by {@code persist} per Spark variant (log scale). */
    public static CategoryChart bytesChart(MapReduceRun run) {
        CategoryChart chart = base("MapReduce on Spark: bytes moved per variant (" + run.size() + ", log scale)",
                "MB");
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisLogarithmic(true);
        List<Measurement> spark = run.measurements().stream().filter(m -> m.kind() != Variant.PLAIN_JAVA).toList();
        List<String> labels = spark.stream().map(Measurement::variant).toList();
        chart.addSeries("input read (the file; and the cache, when persisted)", labels,
                megabytes(spark, Measurement::inputBytes));
        chart.addSeries("shuffle written (compressed)", labels, megabytes(spark, Measurement::shuffleWriteBytes));
        chart.addSeries("held in memory by persist()", labels, megabytes(spark, Measurement::cachedBytes));
        double smallest = spark.stream().flatMap(m -> java.util.stream.LongStream.of(m.inputBytes(),
                m.shuffleWriteBytes(), m.cachedBytes()).boxed()).filter(b -> b > 0).mapToLong(Long::longValue)
                .min().orElse(1_000_000) / 1e6;
        // Bars grow from the axis minimum: a decade below the smallest keeps every bar visible.
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest)) - 1));
        return chart;
    }

    /** Megabytes per measurement; zero (nothing moved) leaves no bar, which a log axis could not draw. */
    private static List<Number> megabytes(List<Measurement> measurements,
            java.util.function.ToLongFunction<Measurement> bytes) {
        List<Number> values = new ArrayList<>();
        for (Measurement m : measurements) {
            long value = bytes.applyAsLong(m);
            values.add(value > 0 ? value / 1e6 : null);
        }
        return values;
    }

    private static void addPerQuestion(CategoryChart chart, MapReduceRun run, ToDoubleFunction<Measurement> value) {
        List<String> labels = run.measurements().stream().map(Measurement::variant).toList();
        for (Variant.Question question : Variant.Question.values()) {
            List<Number> values = new ArrayList<>();
            boolean any = false;
            for (Measurement m : run.measurements()) {
                boolean mine = m.kind().question() == question;
                values.add(mine ? value.applyAsDouble(m) : 0.0);
                any |= mine;
            }
            if (any) {
                chart.addSeries(question.label(), labels, values);
            }
        }
    }

    private static CategoryChart base(String title, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("variant").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setOverlapped(true);
        return chart;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private static String bytes(long bytes) {
        if (bytes >= 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
}
