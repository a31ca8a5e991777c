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
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Step 08 — streaming: the features computed block by block straight from the doubles, converting to fixed point
 * on the fly, so memory stays bounded whatever the number of patients. This is the kernel ({@link BlockKernel})
 * behind {@code vitals features --generate}, which featurizes 2,000,000 patients (730 million rows, 35 GB as
 * doubles) as the generator produces them.
 *
 * <p>What changed from step 07: {@code prepare} no longer copies the data into shorts. Each block of
 * {@value #BLOCK} patients is read from the doubles, and the kernel converts each value as it loads it —
 * {@code x = rint(v · 10^d)}, checked exact ({@code x / 10^d == v} and {@code |x| <= 32,767}) a vector at a time —
 * before the same exact fixed-point sums and integer anomaly test as steps 05–07. A series that fails the check is
 * tried once with as many decimals as its values need, then falls back to {@link DoubleSeries}; each kernel
 * learns the decimals of each vital from the data, so no series needs telling how they are written. The anomaly
 * pass converts the values again rather than keeping them: the series is still in the L1 cache, and three vector
 * operations cost less than a store and a load.
 *
 * <p>Why: memory. Steps 05–07 hold a converted copy of every value, and the data themselves must fit in memory
 * first; at the spec's 2,000,000 patients they cannot (see {@code vitals-spec.md} §1). Here a thread needs only
 * the block it is working on.
 *
 * <p>What it costs: the conversion and its check (a vector division) are now timed work, repeated on every
 * {@code compute}, and each value is read as 8 bytes instead of 2 — on data already in memory this step is
 * slower than step 07. Rows are used in place when the table is already grouped by patient (generated data is);
 * otherwise {@code prepare} records the patient-major order of the rows (4 bytes per row) and each block gathers
 * its rows.
 */
public final class Step08Streaming implements Step<VitalsTable, VitalsFeatures> {
    /** Patients per block (and per task). */
    static final int BLOCK = 64;
    /** Worker threads are named with this prefix, so a leak is easy to spot in a thread dump. */
    static final String THREAD_NAME_PREFIX = "vitals-step08-";
    private static final Vital[] VITALS = Vital.values();

    private final int threads;
    private VitalsTable table;
    /** {@code start[p]..start[p+1]}: patient p's rows, in table order when {@link #order} is null. */
    private int[] start;
    /** The table's rows in patient-major order; null when the table is already grouped by patient. */
    private int[] order;

    /** Uses every available processor. */
    public Step08Streaming() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public Step08Streaming(int threads) {
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
        start = new int[patients + 1];
        boolean grouped = true;
        for (int row = 0; row < rowPatients.length; row++) {
            start[rowPatients[row] + 1]++;
            grouped &= row == 0 || rowPatients[row] == rowPatients[row - 1]
                    || rowPatients[row] == rowPatients[row - 1] + 1;
        }
        for (int p = 0; p < patients; p++) {
            start[p + 1] += start[p];
        }
        order = null;
        if (!grouped) {
            int[] next = java.util.Arrays.copyOf(start, patients);
            order = new int[rowPatients.length];
            for (int row = 0; row < rowPatients.length; row++) {
                order[next[rowPatients[row]]++] = row;
            }
        }
    }

    @Override
    public VitalsFeatures compute(int items) {
        VitalsFeatures features = new VitalsFeatures(table.patientIds().subList(0, items));
        int blocks = (items + BLOCK - 1) / BLOCK;
        try (ForkJoinPool pool = new ForkJoinPool(threads, Step08Streaming::newWorker, null, false)) {
            pool.invoke(new Blocks(0, blocks, items, features.values()));
        }
        return features;
    }

    private static ForkJoinWorkerThread newWorker(ForkJoinPool pool) {
        ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        worker.setName(THREAD_NAME_PREFIX + worker.getName());
        return worker;
    }

    /** Blocks {@code from..to-1}: halved until one is left, so idle workers can steal the other halves. */
    private final class Blocks extends RecursiveAction {
        private final int from;
        private final int to;
        private final int items;
        private final double[] out;

        Blocks(int from, int to, int items, double[] out) {
            this.from = from;
            this.to = to;
            this.items = items;
            this.out = out;
        }

        @Override
        protected void compute() {
            if (to - from <= 1) {
                BlockKernel kernel = new BlockKernel();
                for (int block = from; block < to; block++) {
                    runBlock(kernel, block * BLOCK, Math.min(items, (block + 1) * BLOCK), out);
                }
                return;
            }
            int middle = (from + to) >>> 1;
            invokeAll(new Blocks(from, middle, items, out), new Blocks(middle, to, items, out));
        }
    }

    private void runBlock(BlockKernel kernel, int first, int end, double[] out) {
        double[][] columns = new double[VITALS.length][];
        int[] days;
        int base;
        if (order == null) {
            for (Vital vital : VITALS) {
                columns[vital.ordinal()] = table.values(vital);
            }
            days = table.days();
            base = 0;
        } else {
            // Gather the block's rows, patient-major, into block-sized arrays.
            int length = start[end] - start[first];
            base = start[first];
            days = new int[length];
            for (int i = 0; i < length; i++) {
                days[i] = table.days()[order[base + i]];
            }
            for (Vital vital : VITALS) {
                double[] source = table.values(vital);
                double[] gathered = new double[length];
                for (int i = 0; i < length; i++) {
                    gathered[i] = source[order[base + i]];
                }
                columns[vital.ordinal()] = gathered;
            }
        }
        for (int p = first; p < end; p++) {
            kernel.describePatient(columns, days, start[p] - base, start[p + 1] - base, out,
                    p * VitalsFeatures.COLUMNS);
        }
    }

    /**
     * The features of patients whose rows lie contiguously in columns of doubles. A kernel keeps what it learns
     * about the data (each vital's decimals) and is used by one thread at a time; make one per thread.
     */
    public static final class BlockKernel {
        private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
        /** Ints as many as {@link #LANES} holds doubles: one load widens into one double vector. */
        private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class,
                VectorShape.forBitSize(LANES.length() * Integer.SIZE));
        private static final int WIDTH = LANES.length();
        /** Adding and subtracting 1.5·2^52 rounds a double below 2^51 to a whole number, half to even (rint). */
        private static final double ROUNDING = 0x1.8p52;

        private final int[] decimals = new int[VITALS.length];

        /**
         * Writes the 48 features of one patient, whose rows are {@code from..to-1} of {@code columns} (one array per
         * vital, NaN where missing) and {@code days}, into {@code out} from {@code offset}.
         */
        public void describePatient(double[][] columns, int[] days, int from, int to, double[] out, int offset) {
            int first = days[from];
            int low = first;
            int high = first;
            for (int i = from; i < to; i++) {
                low = Math.min(low, days[i]);
                high = Math.max(high, days[i]);
            }
            boolean daysFit = high - low <= FixedPoint.MAX_SPAN && to - from <= FixedPoint.MAX_SERIES;
            for (Vital vital : VITALS) {
                int v = vital.ordinal();
                int at = offset + VitalsFeatures.column(vital, Feature.MEAN);
                if (!daysFit || !describe(columns[v], days, from, to, first, decimals[v], out, at)) {
                    int needed = daysFit ? FixedPoint.decimals(columns[v], from, to) : -1;
                    if (needed > decimals[v]) {
                        decimals[v] = needed;
                    }
                    if (needed < 0 || !describe(columns[v], days, from, to, first, needed, out, at)) {
                        DoubleSeries.describe(columns[v], days, from, to, out, at);
                    }
                }
            }
        }

        /**
         * The eight features of one series converted to fixed point with {@code decimalCount} decimals; false
         * (nothing written) if some value is not exactly a whole number of 10^-decimals within 16 bits.
         */
        private static boolean describe(double[] column, int[] days, int from, int to, int firstDay,
                int decimalCount, double[] out, int offset) {
            double scale = FixedPoint.scale(decimalCount);
            DoubleVector scaleV = DoubleVector.broadcast(LANES, scale);
            DoubleVector rounding = DoubleVector.broadcast(LANES, ROUNDING);
            DoubleVector limit = DoubleVector.broadcast(LANES, FixedPoint.LIMIT);
            DoubleVector firstDayV = DoubleVector.broadcast(LANES, firstDay);
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
            int vectorEnd = from + (to - from) / WIDTH * WIDTH;
            int i = from;
            for (; i < vectorEnd; i += WIDTH) {
                DoubleVector v = DoubleVector.fromArray(LANES, column, i);
                VectorMask<Double> present = v.compare(VectorOperators.EQ, v);
                DoubleVector x = v.fma(scaleV, rounding).sub(rounding);
                VectorMask<Double> exact = x.div(scaleV).compare(VectorOperators.EQ, v)
                        .and(x.abs().compare(VectorOperators.LE, limit));
                if (present.andNot(exact).anyTrue()) {
                    return false;
                }
                DoubleVector e = ((DoubleVector) IntVector.fromArray(INTS, days, i)
                        .convertShape(VectorOperators.I2D, LANES, 0)).sub(firstDayV);
                DoubleVector xs = zero.blend(x, present);
                DoubleVector es = zero.blend(e, present);
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
            long sumSquares = (long) squares.reduceLanes(VectorOperators.ADD);
            long sumDays = (long) daySum.reduceLanes(VectorOperators.ADD);
            long sumDaySquares = (long) daySquares.reduceLanes(VectorOperators.ADD);
            long sumProducts = (long) products.reduceLanes(VectorOperators.ADD);
            double low = min.reduceLanes(VectorOperators.MIN);
            double high = max.reduceLanes(VectorOperators.MAX);
            for (; i < to; i++) {
                double v = column[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                double x = Math.rint(v * scale);
                if (x / scale != v || Math.abs(x) > FixedPoint.LIMIT) {
                    return false;
                }
                long whole = (long) x;
                long e = days[i] - firstDay;
                m++;
                sumX += whole;
                sumSquares += whole * whole;
                sumDays += e;
                sumDaySquares += e * e;
                sumProducts += e * whole;
                low = Math.min(low, x);
                high = Math.max(high, x);
            }
            double nan = Double.NaN;
            out[offset + Feature.MEAN.ordinal()] = m == 0 ? nan : sumX / (m * scale);
            out[offset + Feature.MIN.ordinal()] = m == 0 ? nan : low / scale;
            out[offset + Feature.MAX.ordinal()] = m == 0 ? nan : high / scale;
            out[offset + Feature.RANGE.ordinal()] = m == 0 ? nan : (high - low) / scale;
            out[offset + Feature.MISSING_PCT.ordinal()] = (double) (to - from - m) / (to - from);
            out[offset + Feature.STD.ordinal()] = nan;
            out[offset + Feature.TREND.ordinal()] = m == 0 ? nan : 0.0;
            out[offset + Feature.N_ANOMALIES.ordinal()] = 0;
            if (m < 2) {
                return true;
            }
            long spread = m * sumSquares - sumX * sumX;
            out[offset + Feature.STD.ordinal()] = Math.sqrt((double) spread / (m * (m - 1))) / scale;
            out[offset + Feature.TREND.ordinal()] = (double) (m * sumProducts - sumDays * sumX)
                    / (m * sumDaySquares - sumDays * sumDays) / scale;
            // |x − mean| > 2·std  ⇔  |m·x − Σx| > threshold, as in steps 05–07.
            long bound = 4 * spread + 4 * spread / (m - 1);
            long threshold = (long) Math.sqrt((double) bound);
            while (threshold * threshold > bound) {
                threshold--;
            }
            while ((threshold + 1) * (threshold + 1) <= bound) {
                threshold++;
            }
            DoubleVector mv = DoubleVector.broadcast(LANES, m);
            DoubleVector sumV = DoubleVector.broadcast(LANES, -sumX);
            DoubleVector limitV = DoubleVector.broadcast(LANES, threshold);
            int anomalies = 0;
            for (i = from; i < vectorEnd; i += WIDTH) {
                DoubleVector v = DoubleVector.fromArray(LANES, column, i);
                VectorMask<Double> present = v.compare(VectorOperators.EQ, v);
                DoubleVector x = v.fma(scaleV, rounding).sub(rounding);
                anomalies += x.fma(mv, sumV).abs().compare(VectorOperators.GT, limitV).and(present).trueCount();
            }
            for (; i < to; i++) {
                double v = column[i];
                if (!Double.isNaN(v) && Math.abs(m * (long) Math.rint(v * scale) - sumX) > threshold) {
                    anomalies++;
                }
            }
            out[offset + Feature.N_ANOMALIES.ordinal()] = anomalies;
            return true;
        }
    }
}
