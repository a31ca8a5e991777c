package fasterjava.basics.growth;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.ladder.VerificationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Growth curves: how the time of a function grows with its input size n, measured and fitted.
 *
 * <p>The claim: Big-O notation predicts how a running time grows, so a function that is O(n) takes about twice as
 * long for twice the input, O(n²) four times as long, and O(log n) barely longer. On a log-log chart a function
 * whose time grows as n^k is a straight line of slope k, so fitting that slope measures k. This topic times four
 * functions whose growth is known — a binary search (O(log n)), an array sum (O(n)), a sort (O(n log n)) and a
 * nested loop over all pairs (O(n²)) — each first checked against an independent computation.
 *
 * <p>How it measures (the tool every later topic uses): each input is built before the clock starts; each size is
 * warmed up first so the JIT has compiled the code; calls are batched until one sample lasts far longer than the
 * timer's resolution; several samples are kept and the fastest reported, with the spread; every result is consumed
 * so the JIT cannot skip the work; a curve stops once one call exceeds a time cap. The second chart shows why
 * batching matters: timed one call at a time, the smallest sizes measure the timer, not the sum, and such points are
 * flagged and left out of the fit.
 *
 * <p>What this means: the fitted exponents should come out near 0 for the search, 1 for the sum, a little above 1
 * for the sort (n log n looks like n^1.1 over these sizes) and 2 for the pairs, with R² near 1 where the points lie
 * on a line. An exponent is a property of the sizes measured, not a proof: curves bend where the data outgrow a
 * cache, and below the crossover of two curves the constants matter more than the exponents (topic 04 finds one).
 */
public final class GrowthTopic implements Topic {
    /** Values of the arrays: small, so sums over all pairs stay far inside a {@code long}. */
    static final int VALUE_BOUND = 1000;
    private static final long SEED = 42;
    private static final int VERIFY_SIZE = 2_000;
    private static final Map<String, String> EXPECTED = Map.of("binary-search", "log n", "array-sum", "n",
            "sort", "n log n", "pair-sum", "n²", "array-sum-batched", "n", "array-sum-one-call-per-sample", "n");

    @Override
    public String number() {
        return "01";
    }

    @Override
    public String slug() {
        return "growth";
    }

    @Override
    public String title() {
        return "Growth curves: fitted exponents of functions of known growth";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        verify(log);
        GrowthBudget budget = GrowthBudget.of(size);
        long largest = switch (size) {
            case TINY -> 1L << 16;
            case SMALL -> 1L << 22;
            case FULL -> 1L << 24;
        };
        long[] sizes = GrowthCurves.doubling(1024, largest);
        log.accept("timer: " + TimerResolution.get());
        List<TopicReport.Curve> curves = new ArrayList<>();
        curves.add(curve("binary-search", sizes, Probes::new, Probes::next, budget, log));
        curves.add(curve("array-sum", sizes, GrowthTopic::values, GrowthTopic::sum, budget, log));
        curves.add(curve("sort", sizes, GrowthTopic::values, GrowthTopic::sortedCopy, budget, log));
        curves.add(curve("pair-sum", sizes, GrowthTopic::values, GrowthTopic::pairSum, budget, log));
        long[] smallSizes = GrowthCurves.doubling(16, 1L << 14);
        TopicReport.Curve batched = curve("array-sum-batched", smallSizes, GrowthTopic::values, GrowthTopic::sum,
                budget, log);
        TopicReport.Curve alone = curve("array-sum-one-call-per-sample", smallSizes, GrowthTopic::values,
                GrowthTopic::sum, budget.unbatched(), log);
        List<TopicReport.Curve> all = new ArrayList<>(curves);
        all.add(batched);
        all.add(alone);
        List<String> findings = new ArrayList<>();
        curves.forEach(c -> findings.add(GrowthTable.finding(c) + " (expected " + EXPECTED.get(c.name()) + ")"));
        long flagged = alone.points().stream().filter(TopicReport.Point::nearResolution).count();
        findings.add(String.format(Locale.ROOT, "timed one call per sample, %d of %d array-sum points were too near "
                + "the timer's resolution to fit; batched, %d", flagged, alone.points().size(),
                batched.points().stream().filter(TopicReport.Point::nearResolution).count()));
        List<Chart<?, ?>> charts = List.of(
                GrowthCharts.chart("Functions of known growth: time per call", curves),
                GrowthCharts.chart("The same array sum, batched vs one call per sample", List.of(batched, alone)));
        return new TopicReport(slug(), title(), TopicReport.contextLine(size, TimerResolution.get()
                + "; int arrays of random values below " + VALUE_BOUND + ", seed " + SEED), findings,
                GrowthTable.of(all, EXPECTED), all, charts);
    }

    private static <I> TopicReport.Curve curve(String name, long[] sizes, LongFunction<I> setup,
            Function<I, ?> timed, GrowthBudget budget, Consumer<String> log) {
        log.accept("measuring " + name);
        TopicReport.Curve curve = GrowthCurves.measure(name, sizes, setup, timed, budget, log);
        log.accept(GrowthTable.finding(curve));
        return curve;
    }

    /** Checks each timed function against an independent computation before anything is timed. */
    static void verify(Consumer<String> log) {
        int[] a = values(VERIFY_SIZE);
        long streamSum = Arrays.stream(a).asLongStream().sum();
        check(sum(a) == streamSum, "array-sum " + sum(a) + " != stream sum " + streamSum);
        long closedForm = (streamSum * streamSum - Arrays.stream(a).asLongStream().map(v -> v * v).sum()) / 2;
        check(pairSum(a) == closedForm, "pair-sum " + pairSum(a) + " != ((Σa)² − Σa²)/2 = " + closedForm);
        int[] sorted = sortedCopy(a);
        check(Arrays.equals(sorted, countingSort(a)), "sort differs from a counting sort");
        check(Arrays.equals(values(VERIFY_SIZE), a), "sort changed its input");
        Probes probes = new Probes(VERIFY_SIZE);
        for (int key = -1; key <= 2 * VERIFY_SIZE; key++) {
            int found = Arrays.binarySearch(probes.sorted, key);
            boolean present = linearSearch(probes.sorted, key);
            check(present == (found >= 0) && (found < 0 || probes.sorted[found] == key), "binary search for " + key);
        }
        log.accept(String.format(Locale.ROOT, "verified: on %,d values, array-sum equals a stream sum, pair-sum "
                + "equals ((Σa)² − Σa²)/2, sort equals a counting sort, binary-search agrees with a linear scan for "
                + "every key in -1..%,d", VERIFY_SIZE, 2 * VERIFY_SIZE));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new VerificationException("verification failed: " + what);
        }
    }

    static int[] values(long n) {
        return new SplittableRandom(SEED).ints(n, 0, VALUE_BOUND).toArray();
    }

    /**
     * A sorted array of the even numbers below 2n and random keys below 2n (half of them present), searched one
     * after the other: a different path through the array at each call, as in real use, where one repeated key
     * would let the branch predictor learn the path.
     */
    static final class Probes {
        private static final int KEYS = 4096;
        final int[] sorted;
        private final int[] keys;
        private int next;

        Probes(long n) {
            sorted = new int[Math.toIntExact(n)];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = 2 * i;
            }
            keys = new SplittableRandom(SEED).ints(KEYS, 0, 2 * sorted.length).toArray();
        }

        int next() {
            next = (next + 1) & (KEYS - 1);
            return Arrays.binarySearch(sorted, keys[next]);
        }
    }

    static long sum(int[] a) {
        long total = 0;
        for (int value : a) {
            total += value;
        }
        return total;
    }

    /** Copies, then sorts, so the shared input stays as it was. */
    static int[] sortedCopy(int[] a) {
        int[] copy = a.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Σ a[i]·a[j] over all pairs i &lt; j, one pair at a time: n(n−1)/2 multiplications. */
    static long pairSum(int[] a) {
        long total = 0;
        for (int i = 0; i < a.length; i++) {
            long ai = a[i];
            for (int j = i + 1; j < a.length; j++) {
                total += ai * a[j];
            }
        }
        return total;
    }

    private static boolean linearSearch(int[] keys, int key) {
        for (int value : keys) {
            if (value == key) {
                return true;
            }
        }
        return false;
    }

    /** The oracle for sort: counts per value, written out in value order. */
    private static int[] countingSort(int[] a) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int value : a) {
            counts.merge(value, 1, Integer::sum);
        }
        int[] out = new int[a.length];
        int k = 0;
        for (var entry : counts.entrySet()) {
            for (int c = 0; c < entry.getValue(); c++) {
                out[k++] = entry.getKey();
            }
        }
        return out;
    }
}
