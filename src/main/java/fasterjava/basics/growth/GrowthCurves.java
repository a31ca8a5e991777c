package fasterjava.basics.growth;

import fasterjava.basics.TopicReport;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Times a function over growing n inside one JVM and fits its growth exponent: the basics track's shared tool.
 *
 * <p>Usage: {@code GrowthCurves.measure("plus-equals", GrowthCurves.doubling(1_000, 1 << 20), n -> letters(n),
 * letters -> joinWithPlusEquals(letters), GrowthBudget.of(size))} returns a {@link TopicReport.Curve} whose
 * points are the fastest seconds of one call at each n and whose exponent is {@link ExponentFit}'s slope.
 *
 * <p>The discipline is JMH's, without JMH's separate process per point (which would cost seconds per point and
 * lose the single-chart story): for each n the input is built by {@code setup} outside the timed region; the
 * function runs for the budget's warm-up time first, and on until the JIT has gone quiet (so it has compiled the
 * function for inputs of that size); calls
 * are batched until one sample lasts well above the timer's {@link TimerResolution}; several samples are kept and
 * the fastest reported with the spread (other load on the machine only ever adds time, so the fastest sample is
 * the least disturbed one); every result goes into JMH's {@link Blackhole}, whose volatile reads
 * also stop the JIT from hoisting the work out of the batch loop, so the work cannot be eliminated. A curve stops
 * growing once one call exceeds the budget's cap. What is measured includes one interface call per call (a few
 * nanoseconds), which flattens curves only where a call is that short.
 *
 * <p>The timed function must leave its input as it found it (copy inside the call if it sorts or mutates), since
 * one input serves every call at a size.
 */
public final class GrowthCurves {
    /**
     * A sample must last at least this many times the timer's resolution (a 1% timing error at worst); points
     * whose samples are shorter are flagged and left out of the fit.
     */
    public static final double RESOLUTION_MULTIPLE = 100;
    /** Batches never grow beyond this many calls (a function that takes no time at all must still stop). */
    static final long MAX_CALLS_PER_SAMPLE = 1L << 30;
    /** Calibration multiplies the batch by at most this much per step, so one quick outlier cannot overshoot. */
    private static final double MAX_BATCH_GROWTH = 16;
    /** The next size is skipped when it is predicted to take more than this many times the call cap. */
    private static final double NEXT_POINT_CAP_FACTOR = 2;
    /** The first point of a curve warms up this many times longer than the others (the JIT compiles there). */
    public static final double FIRST_POINT_WARMUP_FACTOR = 25;
    /** A warm-up goes on until the JIT has compiled nothing for this long... */
    public static final long JIT_QUIET_MILLIS = 20;
    /** ...or this many times the budget's warm-up has passed. */
    public static final double JIT_WAIT_FACTOR = 100;
    private static final Blackhole SINK = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    private GrowthCurves() {
    }

    /**
     * Measures {@code timed} on {@code setup(n)} for each n of {@code sizes} (ascending) until the budget's call
     * cap stops the curve; returns the points and the fitted exponent.
     *
     * @param name the curve's name, lower-case and hyphenated ({@code string-builder})
     * @param sizes the n to measure, ascending
     * @param setup builds the input for size n; not timed
     * @param timed the function whose time is measured; its result is consumed so the work is not eliminated
     * @param budget warm-up, repetitions, sample length and call cap
     */
    public static <I> TopicReport.Curve measure(String name, long[] sizes, LongFunction<? extends I> setup,
            Function<? super I, ?> timed, GrowthBudget budget) {
        return measure(name, sizes, setup, timed, budget, line -> {
        });
    }

    /** As {@link #measure(String, long[], LongFunction, Function, GrowthBudget)}, logging one line per point. */
    public static <I> TopicReport.Curve measure(String name, long[] sizes, LongFunction<? extends I> setup,
            Function<? super I, ?> timed, GrowthBudget budget, Consumer<String> log) {
        for (int i = 1; i < sizes.length; i++) {
            if (sizes[i] <= sizes[i - 1]) {
                throw new IllegalArgumentException("sizes must ascend: " + Arrays.toString(sizes));
            }
        }
        List<TopicReport.Point> points = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            long n = sizes[i];
            // The first size also compiles the function: it gets a longer warm-up than the sizes after it.
            GrowthBudget pointBudget = i == 0 ? budget.withWarmup(FIRST_POINT_WARMUP_FACTOR * budget.warmupSeconds())
                    : budget;
            TopicReport.Point point = measurePoint(n, setup.apply(n), timed, pointBudget);
            points.add(point);
            log.accept(String.format(Locale.ROOT, "  %s n=%,d: %s per call (spread %.0f%%)%s", name, n,
                    seconds(point.seconds()), point.spread() * 100, point.nearResolution()
                            ? ", near the timer's resolution" : ""));
            if (i + 1 < sizes.length && stopsBefore(points, sizes[i + 1], budget.callCapSeconds())) {
                break;
            }
        }
        ExponentFit fit = ExponentFit.of(points);
        return new TopicReport.Curve(name, fit.exponent(), points, fit.rSquared());
    }

    /**
     * Times {@code timed(input)} with the budget's warm-up, batching and repetitions: one point of a curve, or one
     * bar of a comparison at a fixed size. The warm-up lasts the budget's time and then on until the JIT compiler
     * has been idle for {@link #JIT_QUIET_MILLIS}: compilation runs in the background and can lag far behind on a
     * busy machine, and a new size can make the JIT throw compiled code away and compile it again (a loop's tail
     * seen for the first time, say). It never lasts more than {@link #JIT_WAIT_FACTOR} warm-ups.
     */
    public static <I> TopicReport.Point measurePoint(long n, I input, Function<? super I, ?> timed,
            GrowthBudget budget) {
        double resolution = TimerResolution.get().seconds();
        double target = budget.minSampleSeconds() == 0 ? 0
                : Math.max(budget.minSampleSeconds(), RESOLUTION_MULTIPLE * resolution);
        long calls = 1;
        long start = System.nanoTime();
        long warmupEnd = start + (long) (budget.warmupSeconds() * 1e9);
        long compileWaitEnd = start + (long) (JIT_WAIT_FACTOR * budget.warmupSeconds() * 1e9);
        JitActivity jit = new JitActivity();
        while (true) {
            double batch = runBatch(input, timed, calls);
            long now = System.nanoTime();
            boolean warm = now - warmupEnd >= 0
                    && (jit.quietFor(JIT_QUIET_MILLIS) || now - compileWaitEnd >= 0);
            boolean longEnough = batch >= target || calls >= MAX_CALLS_PER_SAMPLE;
            if (warm && longEnough) {
                break;
            }
            if (!longEnough) {
                double growth = Math.min(MAX_BATCH_GROWTH, Math.max(2, 1.2 * target / Math.max(batch, resolution)));
                calls = Math.min(MAX_CALLS_PER_SAMPLE, (long) Math.ceil(calls * growth));
            }
        }
        double[] perCall = new double[budget.repetitions()];
        double shortestSample = Double.MAX_VALUE;
        for (int r = 0; r < perCall.length; r++) {
            double batch = runBatch(input, timed, calls);
            shortestSample = Math.min(shortestSample, batch);
            perCall[r] = batch / calls;
        }
        Arrays.sort(perCall);
        double fastest = perCall[0];
        double spread = fastest > 0 ? (perCall[perCall.length - 1] - fastest) / fastest : 0;
        boolean nearResolution = shortestSample < RESOLUTION_MULTIPLE * resolution;
        return new TopicReport.Point(n, fastest, spread, nearResolution);
    }

    /** Sizes from {@code from} to {@code to} (inclusive when reached), each twice the one before. */
    public static long[] doubling(long from, long to) {
        return geometric(from, to, 2);
    }

    /** Sizes from {@code from} to {@code to}, each {@code factor} times the one before (rounded, strictly up). */
    public static long[] geometric(long from, long to, double factor) {
        if (from < 1 || to < from || !(factor > 1)) {
            throw new IllegalArgumentException("bad size range " + from + ".." + to + " by " + factor);
        }
        List<Long> sizes = new ArrayList<>();
        double n = from;
        long last = 0;
        while (Math.round(n) <= to) {
            long rounded = Math.max(last + 1, Math.round(n));
            if (rounded > to) {
                break;
            }
            sizes.add(rounded);
            last = rounded;
            n *= factor;
        }
        return sizes.stream().mapToLong(Long::longValue).toArray();
    }

    /** Seconds in the largest unit that keeps three significant digits: {@code 1.52 ms}. */
    public static String seconds(double seconds) {
        return fasterjava.ladder.Units.nanos(seconds * 1e9);
    }

    /**
     * True when the curve should stop before {@code nextN}: the last call exceeded the cap, or growing at its
     * local slope (at least linear) the next call would take more than twice the cap.
     */
    static boolean stopsBefore(List<TopicReport.Point> points, long nextN, double capSeconds) {
        TopicReport.Point last = points.get(points.size() - 1);
        if (last.seconds() > capSeconds) {
            return true;
        }
        double slope = 1;
        if (points.size() >= 2) {
            TopicReport.Point before = points.get(points.size() - 2);
            if (before.seconds() > 0 && last.seconds() > 0) {
                slope = Math.max(1, Math.log(last.seconds() / before.seconds()) / Math.log((double) last.n()
                        / before.n()));
            }
        }
        double predicted = last.seconds() * Math.pow((double) nextN / last.n(), slope);
        return predicted > NEXT_POINT_CAP_FACTOR * capSeconds;
    }

    private static <I> double runBatch(I input, Function<? super I, ?> timed, long calls) {
        long start = System.nanoTime();
        for (long i = 0; i < calls; i++) {
            SINK.consume(timed.apply(input));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Whether the JIT compiler has been idle for a while, from the JVM's total compilation time; always true
     * where the JVM does not report it.
     */
    private static final class JitActivity {
        private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        private long lastTotal = -1;
        private long lastChange = System.nanoTime();

        boolean quietFor(long millis) {
            if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
                return true;
            }
            long total = compiler.getTotalCompilationTime();
            long now = System.nanoTime();
            if (total != lastTotal) {
                lastTotal = total;
                lastChange = now;
            }
            return now - lastChange >= millis * 1_000_000;
        }
    }
}
