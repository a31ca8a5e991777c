package fasterjava.vitals.steps;

import fasterjava.ladder.Step;
import fasterjava.vitals.DoubleSeries;
import fasterjava.vitals.Feature;
import fasterjava.vitals.FixedPoint;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Step 07 — all cores: step 06's kernel on every core, the patients cut into batches of {@value #BATCH} that the
 * threads of a work-stealing {@link ForkJoinPool} take in turn.
 *
 * <p>What changed from step 06: {@code compute} splits the patients into batches, each writing the features of its
 * own patients into its own rows of the shared result; the kernel is unchanged, and the scratch a fallback series
 * needs moved from a field into each batch. The result is identical whatever the number of threads or the order in
 * which batches finish.
 *
 * <p>Why it is faster: patients are independent and the prepared arrays are only read, so the threads share
 * nothing that is written and need no locks; 64 patients (about 140,000 values) per batch make the scheduling cost
 * negligible while leaving hundreds of batches to balance the load.
 *
 * <p>What it costs: at most {@code threads} times faster, less when the threads compete for memory bandwidth —
 * the kernel reads each value once, so it is close to the speed of memory already. The pool is created per
 * {@code compute} and closed before it returns, so no thread outlives the call.
 */
public final class Step07Threads implements Step<VitalsTable, VitalsFeatures> {
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    /** Shorts as many as {@link #LANES} holds doubles: one load widens into one double vector. */
    private static final VectorSpecies<Short> SHORTS = VectorSpecies.of(short.class,
            VectorShape.forBitSize(LANES.length() * Short.SIZE));
    private static final int WIDTH = LANES.length();
    private static final Vital[] VITALS = Vital.values();
    /** Patients per task. */
    static final int BATCH = 64;
    /** Worker threads are named with this prefix, so a leak is easy to spot in a thread dump. */
    static final String THREAD_NAME_PREFIX = "vitals-step07-";

    private final int threads;

    private VitalsTable table;
    /** {@code start[p]..start[p+1]}: patient p's rows, padded to whole vectors, in the patient-major arrays. */
    private int[] start;
    /** Per patient, its rows (without padding). */
    private int[] rows;
    /** For each padded position, the table's row, or -1 for padding. */
    private int[] order;
    /** Per position, the day minus the patient's first day (0 in padding). */
    private short[] dayOffsets;
    private boolean[] patientFits;
    private int[] decimals;
    /** {@code values[vital][position]} in units of 10^-decimals, padding missing; null for a vital that falls back. */
    private short[][] values;
    private int longest;

    /** Uses every available processor. */
    public Step07Threads() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public Step07Threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public void prepare(VitalsTable input) {
        table = input;
        int patients = input.patientCount();
        int[] rowPatients = input.patients();
        rows = new int[patients];
        for (int patient : rowPatients) {
            rows[patient]++;
        }
        start = new int[patients + 1];
        for (int p = 0; p < patients; p++) {
            start[p + 1] = start[p] + (rows[p] + WIDTH - 1) / WIDTH * WIDTH;
        }
        order = new int[start[patients]];
        java.util.Arrays.fill(order, -1);
        int[] next = java.util.Arrays.copyOf(start, patients);
        for (int row = 0; row < rowPatients.length; row++) {
            order[next[rowPatients[row]]++] = row;
        }
        int[] days = input.days();
        dayOffsets = new short[order.length];
        patientFits = new boolean[patients];
        longest = 0;
        for (int p = 0; p < patients; p++) {
            int end = start[p] + rows[p];
            int first = days[order[start[p]]];
            int low = first;
            int high = first;
            for (int i = start[p]; i < end; i++) {
                low = Math.min(low, days[order[i]]);
                high = Math.max(high, days[order[i]]);
            }
            patientFits[p] = high - low <= FixedPoint.MAX_SPAN && rows[p] <= FixedPoint.MAX_SERIES;
            for (int i = start[p]; patientFits[p] && i < end; i++) {
                dayOffsets[i] = (short) (days[order[i]] - first);
            }
            longest = Math.max(longest, rows[p]);
        }
        decimals = new int[VITALS.length];
        values = new short[VITALS.length][];
        for (Vital vital : VITALS) {
            double[] source = input.values(vital);
            int d = FixedPoint.decimals(source, 0, source.length);
            decimals[vital.ordinal()] = d;
            if (d < 0) {
                continue;
            }
            double scale = FixedPoint.scale(d);
            short[] target = new short[order.length];
            for (int i = 0; i < order.length; i++) {
                double value = order[i] < 0 ? Double.NaN : source[order[i]];
                target[i] = Double.isNaN(value) ? FixedPoint.MISSING : (short) Math.rint(value * scale);
            }
            values[vital.ordinal()] = target;
        }
    }

    @Override
    public VitalsFeatures compute(int items) {
        VitalsFeatures features = new VitalsFeatures(table.patientIds().subList(0, items));
        int batches = (items + BATCH - 1) / BATCH;
        try (ForkJoinPool pool = new ForkJoinPool(threads, Step07Threads::newWorker, null, false)) {
            pool.invoke(new Batches(0, batches, items, features.values()));
        }
        return features;
    }

    private static ForkJoinWorkerThread newWorker(ForkJoinPool pool) {
        ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        worker.setName(THREAD_NAME_PREFIX + worker.getName());
        return worker;
    }

    /** Batches {@code from..to-1}: halved until one is left, so idle workers can steal the other halves. */
    private final class Batches extends RecursiveAction {
        private final int from;
        private final int to;
        private final int items;
        private final double[] out;

        Batches(int from, int to, int items, double[] out) {
            this.from = from;
            this.to = to;
            this.items = items;
            this.out = out;
        }

        @Override
        protected void compute() {
            if (to - from <= 1) {
                for (int batch = from; batch < to; batch++) {
                    runBatch(batch * BATCH, Math.min(items, (batch + 1) * BATCH), out);
                }
                return;
            }
            int middle = (from + to) >>> 1;
            invokeAll(new Batches(from, middle, items, out), new Batches(middle, to, items, out));
        }
    }

    private void runBatch(int first, int end, double[] out) {
        Scratch scratch = null;
        for (int p = first; p < end; p++) {
            for (Vital vital : VITALS) {
                int offset = p * VitalsFeatures.COLUMNS + VitalsFeatures.column(vital, Feature.MEAN);
                short[] column = values[vital.ordinal()];
                if (column != null && patientFits[p]) {
                    describe(column, start[p], start[p + 1], rows[p], FixedPoint.scale(decimals[vital.ordinal()]),
                            out, offset);
                } else {
                    if (scratch == null) {
                        scratch = new Scratch(new double[longest], new int[longest]);
                    }
                    fallBack(vital, p, scratch, out, offset);
                }
            }
        }
    }

    /** Room for one series' doubles and days, for a fallback. */
    private record Scratch(double[] values, int[] days) {
    }

    /** The eight features of the padded fixed-point series {@code column[from..to)} holding {@code rowCount} rows. */
    private void describe(short[] column, int from, int to, int rowCount, double scale, double[] out, int offset) {
        DoubleVector zero = DoubleVector.zero(LANES);
        DoubleVector one = DoubleVector.broadcast(LANES, 1);
        DoubleVector count = zero;
        DoubleVector sum = zero;
        DoubleVector squares = zero;
        DoubleVector daySum = zero;
        DoubleVector daySquares = zero;
        DoubleVector products = zero;
        DoubleVector min = DoubleVector.broadcast(LANES, Double.POSITIVE_INFINITY);
        DoubleVector max = DoubleVector.broadcast(LANES, Double.NEGATIVE_INFINITY);
        for (int i = from; i < to; i += WIDTH) {
            DoubleVector x = widen(column, i);
            VectorMask<Double> present = x.compare(VectorOperators.NE, FixedPoint.MISSING);
            DoubleVector xs = zero.blend(x, present);
            DoubleVector es = zero.blend(widen(dayOffsets, i), present);
            count = count.add(one, present);
            sum = sum.add(xs);
            squares = xs.fma(xs, squares);
            daySum = daySum.add(es);
            daySquares = es.fma(es, daySquares);
            products = es.fma(xs, products);
            min = min.lanewise(VectorOperators.MIN, x, present);
            max = max.lanewise(VectorOperators.MAX, x, present);
        }
        // Whole numbers below 2^53 in every lane: these totals, and their conversions to long, are exact.
        long m = (long) count.reduceLanes(VectorOperators.ADD);
        long sumX = (long) sum.reduceLanes(VectorOperators.ADD);
        double nan = Double.NaN;
        double low = min.reduceLanes(VectorOperators.MIN);
        double high = max.reduceLanes(VectorOperators.MAX);
        out[offset + Feature.MEAN.ordinal()] = m == 0 ? nan : sumX / (m * scale);
        out[offset + Feature.MIN.ordinal()] = m == 0 ? nan : low / scale;
        out[offset + Feature.MAX.ordinal()] = m == 0 ? nan : high / scale;
        out[offset + Feature.RANGE.ordinal()] = m == 0 ? nan : (high - low) / scale;
        out[offset + Feature.MISSING_PCT.ordinal()] = (double) (rowCount - m) / rowCount;
        out[offset + Feature.STD.ordinal()] = nan;
        out[offset + Feature.TREND.ordinal()] = m == 0 ? nan : 0.0;
        out[offset + Feature.N_ANOMALIES.ordinal()] = 0;
        if (m < 2) {
            return;
        }
        long sumSquares = (long) squares.reduceLanes(VectorOperators.ADD);
        long sumDays = (long) daySum.reduceLanes(VectorOperators.ADD);
        long sumDaySquares = (long) daySquares.reduceLanes(VectorOperators.ADD);
        long sumProducts = (long) products.reduceLanes(VectorOperators.ADD);
        long spread = m * sumSquares - sumX * sumX;
        out[offset + Feature.STD.ordinal()] = Math.sqrt((double) spread / (m * (m - 1))) / scale;
        out[offset + Feature.TREND.ordinal()] = (double) (m * sumProducts - sumDays * sumX)
                / (m * sumDaySquares - sumDays * sumDays) / scale;
        // |x − mean| > 2·std  ⇔  |m·x − Σx| > threshold, as in steps 05 and 06.
        long bound = 4 * spread + 4 * spread / (m - 1);
        long threshold = (long) Math.sqrt((double) bound);
        while (threshold * threshold > bound) {
            threshold--;
        }
        while ((threshold + 1) * (threshold + 1) <= bound) {
            threshold++;
        }
        DoubleVector mv = DoubleVector.broadcast(LANES, m);
        DoubleVector sumV = DoubleVector.broadcast(LANES, sumX);
        DoubleVector limit = DoubleVector.broadcast(LANES, threshold);
        int anomalies = 0;
        for (int i = from; i < to; i += WIDTH) {
            DoubleVector x = widen(column, i);
            VectorMask<Double> present = x.compare(VectorOperators.NE, FixedPoint.MISSING);
            VectorMask<Double> beyond = x.fma(mv, sumV.neg()).abs().compare(VectorOperators.GT, limit);
            anomalies += beyond.and(present).trueCount();
        }
        out[offset + Feature.N_ANOMALIES.ordinal()] = anomalies;
    }

    /** {@code WIDTH} shorts from {@code array[i..]}, as doubles. */
    private static DoubleVector widen(short[] array, int i) {
        return (DoubleVector) ShortVector.fromArray(SHORTS, array, i).convertShape(VectorOperators.S2D, LANES, 0);
    }

    /** A series fixed point cannot hold: its doubles, gathered from the table, described the general way. */
    private void fallBack(Vital vital, int patient, Scratch scratch, double[] out, int offset) {
        double[] source = table.values(vital);
        int[] days = table.days();
        for (int i = 0; i < rows[patient]; i++) {
            int row = order[start[patient] + i];
            scratch.values()[i] = source[row];
            scratch.days()[i] = days[row];
        }
        DoubleSeries.describe(scratch.values(), scratch.days(), 0, rows[patient], out, offset);
    }
}
