package fasterjava.basics.simd;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.basics.growth.GrowthBudget;
import fasterjava.basics.growth.GrowthCharts;
import fasterjava.basics.growth.GrowthCurves;
import fasterjava.ladder.Units;
import fasterjava.ladder.VerificationException;
import fasterjava.util.TextTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * SIMD and boxing: the sum and the dot product of ten million doubles, five ways.
 *
 * <p>The claim: in pandas, {@code df.apply(f)} calls a Python function once per value and is not vectorized, while
 * {@code df.sum()} runs one tight loop in C, using the CPU's SIMD instructions that work on several values at once.
 * Java has the same ladder. A stream over a {@code List<Double>} touches one object per value (a pointer to follow,
 * a box to unwrap, a new box per partial sum): that is {@code apply}. A loop over a {@code double[]} reads values
 * packed side by side. Four independent partial sums let the CPU overlap additions that a single running sum makes
 * wait for each other. The Vector API adds a whole register of values (4 doubles with AVX2, 8 with AVX-512) per
 * instruction. {@code DoubleStream.sum()} is primitive but compensates each addition's rounding error, which costs
 * time.
 *
 * <p>Checked first: the values are built so that their sum and dot product are known exactly ({@link ExactSums}),
 * and each of the ten results must lie within the bound that rounding allows for any order of additions. The results
 * are not bitwise equal — each way adds in a different order — which is why they are compared with a tolerance and
 * not with {@code ==}. Then each way is timed over growing n up to ten million values.
 *
 * <p>What this means: boxing costs the most, and at a size that fits in the CPU's caches the gaps between the loops
 * show in full. At ten million values (80 MB per vector) the fast ways all wait for memory, so they end up closer
 * together: SIMD speeds up arithmetic, not RAM. The JIT does not vectorize a floating-point sum by itself, because
 * reordering additions changes the result; check on your machine by turning its vectorizer off:
 * {@code FASTER_JAVA_OPTS=-XX:-UseSuperWord bin/faster basics simd}.
 */
public final class SimdTopic implements Topic {
    private static final long SEED = 42;
    /** The size: ten million values. */
    static final int FULL_LENGTH = 10_000_000;
    static final int TINY_LENGTH = 100_000;
    /**
     * The smallest size: not a multiple of any vector length, so the loops' scalar tails run (and are compiled)
     * from the first size on; a tail first met at a later size would make the JIT throw the compiled loop away
     * mid-curve.
     */
    private static final int FIRST_SIZE = 9_999;
    /** The in-cache comparison uses the largest measured size up to this (two 256 KB vectors fit in L2). */
    private static final long IN_CACHE_LIMIT = 40_000;

    @Override
    public String number() {
        return "05";
    }

    @Override
    public String slug() {
        return "simd";
    }

    @Override
    public String title() {
        return "SIMD and boxing: a sum and a dot product, five ways";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        int length = size == Size.TINY ? TINY_LENGTH : FULL_LENGTH;
        log.accept(String.format(Locale.ROOT, "building %,d pairs of values (and their boxed lists)", length));
        Summation.Data full = Summation.Data.of(ExactSums.values(length, SEED), ExactSums.values(length, SEED + 1));
        Map<String, Double> errors = verify(full, log);
        GrowthBudget budget = GrowthBudget.of(size).withCallCap(Double.POSITIVE_INFINITY);
        long[] sizes = GrowthCurves.geometric(10_000, length, Math.sqrt(10));
        sizes[0] = FIRST_SIZE;
        List<TopicReport.Curve> sumCurves = new ArrayList<>();
        List<TopicReport.Curve> dotCurves = new ArrayList<>();
        for (Summation way : Summation.values()) {
            sumCurves.add(measure("sum-" + way.slug(), sizes, full, way::sum, budget, log));
        }
        for (Summation way : Summation.values()) {
            dotCurves.add(measure("dot-" + way.slug(), sizes, full, way::dot, budget, log));
        }
        long inCache = Arrays.stream(sizes).filter(n -> n <= IN_CACHE_LIMIT).max().orElse(sizes[0]);
        List<String> findings = new ArrayList<>();
        findings.add(speedups("sum", sumCurves, length));
        findings.add(speedups("dot", dotCurves, length));
        findings.add(speedups("sum", sumCurves, inCache));
        findings.add(speedups("dot", dotCurves, inCache));
        List<TopicReport.Curve> curves = new ArrayList<>(sumCurves);
        curves.addAll(dotCurves);
        List<Chart<?, ?>> charts = List.of(
                bars(String.format(Locale.ROOT, "Time per value at n = %,d (%s per vector)", length,
                        megabytes(length)), sumCurves, dotCurves, length),
                bars(String.format(Locale.ROOT, "Time per value at n = %,d (in the CPU's caches)", inCache),
                        sumCurves, dotCurves, inCache),
                GrowthCharts.chart("Sum: time per call over n", sumCurves),
                GrowthCharts.chart("Dot product: time per call over n", dotCurves));
        String context = TopicReport.contextLine(size, String.format(Locale.ROOT,
                "%,d doubles j·2^-53 in [0, 1), seed %d; Vector API species %s (%d lanes)", length, SEED,
                Summation.SPECIES, Summation.SPECIES.length()));
        return new TopicReport(slug(), title(), context, findings, table(sumCurves, dotCurves, inCache, length,
                errors), curves, charts);
    }

    /**
     * Checks the ten results against the exact values and returns each one's error as a share of the allowed
     * bound ({@code sum-double-loop} → 0.0001).
     */
    static Map<String, Double> verify(Summation.Data data, Consumer<String> log) {
        BigDecimal exactSum = ExactSums.sum(data.x());
        BigDecimal exactDot = ExactSums.dot(data.x(), data.y());
        double sumBound = ExactSums.tolerance(data.length(), exactSum);
        double dotBound = ExactSums.tolerance(data.length(), exactDot);
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String op : List.of("sum", "dot")) {
            BigDecimal exact = op.equals("sum") ? exactSum : exactDot;
            double bound = op.equals("sum") ? sumBound : dotBound;
            double largest = 0;
            double low = Double.MAX_VALUE;
            double high = -Double.MAX_VALUE;
            for (Summation way : Summation.values()) {
                double result = op.equals("sum") ? way.sum(data) : way.dot(data);
                double error = ExactSums.error(result, exact);
                if (!(error <= bound)) {
                    throw new VerificationException(String.format(Locale.ROOT, "verification failed: %s-%s = %.17g "
                            + "is %.3g from the exact %s, more than the bound %.3g", op, way.slug(), result, error,
                            exact.toPlainString(), bound));
                }
                shares.put(op + "-" + way.slug(), error / bound);
                largest = Math.max(largest, error);
                low = Math.min(low, result);
                high = Math.max(high, result);
            }
            log.accept(String.format(Locale.ROOT, "verified: %s of %,d values: all %d ways within %.3g of the exact "
                    + "%.17g (the bound γn·Σ|terms| for any order of additions); largest error %.3g; the results "
                    + "differ from each other by up to %.3g", op, data.length(), Summation.values().length, bound,
                    exact.doubleValue(), largest, high - low));
        }
        return shares;
    }

    private static TopicReport.Curve measure(String name, long[] sizes, Summation.Data full,
            ToDoubleFunction<Summation.Data> op, GrowthBudget budget, Consumer<String> log) {
        log.accept("measuring " + name);
        return GrowthCurves.measure(name, sizes, n -> prefix(full, (int) n), op::applyAsDouble, budget, log);
    }

    /** The first n values (copies, so each size's arrays are its own; the full data as they are). */
    static Summation.Data prefix(Summation.Data full, int n) {
        if (n == full.length()) {
            return full;
        }
        return new Summation.Data(Arrays.copyOf(full.x(), n), Arrays.copyOf(full.y(), n),
                new ArrayList<>(full.boxedX().subList(0, n)), new ArrayList<>(full.boxedY().subList(0, n)));
    }

    private static double nanosPerValue(TopicReport.Curve curve, long n) {
        return curve.points().stream().filter(p -> p.n() == n).findFirst()
                .map(p -> p.seconds() * 1e9 / n).orElse(Double.NaN);
    }

    /** {@code sum at n = 10,000,000: boxed-stream 5.1 ns per value, ...; vector-api 12x faster than boxed-stream}. */
    private static String speedups(String op, List<TopicReport.Curve> curves, long n) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            parts.add(Summation.values()[i].slug() + " " + Units.nanos(nanosPerValue(curves.get(i), n)));
        }
        double boxed = nanosPerValue(curves.get(Summation.BOXED_STREAM.ordinal()), n);
        double loop = nanosPerValue(curves.get(Summation.DOUBLE_LOOP.ordinal()), n);
        double vector = nanosPerValue(curves.get(Summation.VECTOR_API.ordinal()), n);
        return String.format(Locale.ROOT, "%s at n = %,d, per value: %s; speedup of vector-api over boxed-stream "
                + "%s, over double-loop %s", op, n, String.join(", ", parts), Units.ratio(boxed / vector),
                Units.ratio(loop / vector));
    }

    private static TextTable table(List<TopicReport.Curve> sums, List<TopicReport.Curve> dots, long inCache,
            long largest, Map<String, Double> errorShares) {
        List<List<String>> rows = new ArrayList<>();
        for (String op : List.of("sum", "dot")) {
            List<TopicReport.Curve> curves = op.equals("sum") ? sums : dots;
            double boxed = nanosPerValue(curves.get(Summation.BOXED_STREAM.ordinal()), largest);
            for (Summation way : Summation.values()) {
                TopicReport.Curve curve = curves.get(way.ordinal());
                double atLargest = nanosPerValue(curve, largest);
                rows.add(List.of(op, way.slug(), way.description(), Units.nanos(nanosPerValue(curve, inCache)),
                        Units.nanos(atLargest), Units.ratio(boxed / atLargest),
                        String.format(Locale.ROOT, "%.2g", errorShares.get(op + "-" + way.slug()))));
            }
        }
        return new TextTable(List.of("op", "way", "how", String.format(Locale.ROOT, "per value, n = %,d", inCache),
                String.format(Locale.ROOT, "per value, n = %,d", largest), "vs boxed-stream",
                "error / allowed"), rows);
    }

    private static CategoryChart bars(String title, List<TopicReport.Curve> sums, List<TopicReport.Curve> dots,
            long n) {
        CategoryChart chart = new CategoryChartBuilder().width(GrowthCharts.WIDTH).height(GrowthCharts.HEIGHT)
                .title(title + " (log scale, lower is better)").xAxisTitle("way")
                .yAxisTitle("nanoseconds per value").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setOverlapped(false);
        List<String> ways = Arrays.stream(Summation.values()).map(Summation::slug).toList();
        List<Double> sumValues = sums.stream().map(c -> nanosPerValue(c, n)).toList();
        List<Double> dotValues = dots.stream().map(c -> nanosPerValue(c, n)).toList();
        chart.addSeries("sum", ways, sumValues);
        chart.addSeries("dot product", ways, dotValues);
        double min = java.util.stream.Stream.concat(sumValues.stream(), dotValues.stream())
                .mapToDouble(Double::doubleValue).min().orElse(1);
        double max = java.util.stream.Stream.concat(sumValues.stream(), dotValues.stream())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        // Bars grow from the axis minimum: keep it below the smallest bar, or that bar vanishes.
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min / 3))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max) + 1e-9)));
        return chart;
    }

    private static String megabytes(long values) {
        return String.format(Locale.ROOT, "%.0f MB", values * (double) Double.BYTES / 1e6);
    }
}
