package fasterjava.vitals.data;

import fasterjava.util.Progress;
import java.util.List;

/**
 * The first pass of the streaming generator: where in the one random stream each column's values for patient p
 * begin, recorded every {@link #checkpointPatients} patients as generator states (2.5 KB each, ten per checkpoint).
 * Rejection sampling makes the normal and Poisson columns consume a variable number of outputs, so their states
 * are found by running only the accept tests; the masks use exactly two outputs per row, so theirs are reached by
 * twisting the generator without tempering its outputs.
 */
final class StreamPlan {
    final int patients;
    final int days;
    final long rows;
    final int checkpointPatients;
    /** [normal column][checkpoint]: the normal stream at index column·rows + checkpoint·checkpointPatients·days. */
    private final NormalCursor.State[][] normal;
    /** [checkpoint]: the Poisson stream at row checkpoint·checkpointPatients·days. */
    private final Mt19937[] poisson;
    /** [mask][checkpoint]. */
    private final Mt19937[][] masks;

    private StreamPlan(int patients, int days, int checkpointPatients) {
        this.patients = patients;
        this.days = days;
        this.rows = (long) patients * days;
        this.checkpointPatients = checkpointPatients;
        int checkpoints = checkpoints();
        this.normal = new NormalCursor.State[VitalsRecipe.NORMAL_COLUMNS.size()][checkpoints];
        this.poisson = new Mt19937[checkpoints];
        this.masks = new Mt19937[VitalsRecipe.MASKED_VITALS.size()][checkpoints];
    }

    /** Checkpoints at patients 0, K, 2K, ... below {@code patients}. */
    int checkpoints() {
        return (patients - 1) / checkpointPatients + 1;
    }

    /**
     * Rough relative costs of the first pass per row, for its progress bar's ETA only: a normal column's accept
     * tests, the Poisson column's (several times dearer), a mask column's skip (twists only, cheaper still).
     */
    private static final int NORMAL_ROW_UNITS = 4;
    private static final int POISSON_ROW_UNITS = 44;
    private static final int MASK_ROW_UNITS = 1;

    /** From this many rows on, a second thread counts the later part of the Poisson column (see compute). */
    static final long PARALLEL_ROWS = 1 << 24;
    /** Tries between the states a Poisson segment records: a bounded number, at most this far apart... */
    private static final int MAX_SEGMENT_STATES = 8192;
    /** ...and at least this far apart. */
    private static final long MIN_TRIES_PER_STATE = 1 << 12;
    /**
     * The polar method's acceptance rate, π/4 (a try's point falls inside the unit circle), and PTRS's tries per
     * draw for λ = 16 (measured over 50 million tries: 1.272), used only to place the second thread's start and to
     * space the recorded states.
     */
    private static final double NORMAL_ACCEPTANCE = Math.PI / 4;
    private static final double POISSON_TRIES_PER_DRAW = 1.272;
    /**
     * Share of the Poisson column the first thread counts after the normal columns, so both threads finish
     * together: the second thread first twists past the normal columns, then counts the rest (CPU time per row
     * measured on one AVX-512 core: normal columns 4.7 ns, twisting past them 1.6 ns, Poisson column 8.1 ns).
     */
    private static final double FIRST_THREAD_POISSON_SHARE = 0.3;
    /** How far past the expected end of the normal columns the second thread starts, in standard deviations. */
    private static final double START_MARGIN_SIGMAS = 40;

    /** Runs the first pass, reporting progress in rough cost units. */
    static StreamPlan compute(int patients, int days, long seed, int checkpointPatients, Progress progress) {
        return compute(patients, days, seed, checkpointPatients, progress, PARALLEL_ROWS, -1);
    }

    /**
     * The first pass. The normal columns come first in the stream, the Poisson column right after them, and every
     * try of either takes four outputs; so from the stream's start every fourth output begins a try, wherever the
     * normal columns end. From {@code parallelRows} rows on, a second thread twists (without tempering) to a try
     * shortly after where the normal columns should end and counts Poisson draws from there, while this thread
     * counts the normal columns and then the Poisson draws up to that try; each records states along the way, from
     * which the Poisson checkpoints and the column's end are found afterwards. Should the normal columns end past
     * the second thread's start (40 standard deviations late: not in practice), its work is dropped.
     * {@code secondStartTry} ≥ 0 forces where the second thread starts (tests); -1 estimates it.
     */
    static StreamPlan compute(int patients, int days, long seed, int checkpointPatients, Progress progress,
            long parallelRows, long secondStartTry) {
        StreamPlan plan = new StreamPlan(patients, days, checkpointPatients);
        long rows = plan.rows;
        long rowsPerCheckpoint = (long) checkpointPatients * days;
        int checkpoints = plan.checkpoints();
        List<VitalsRecipe.NormalColumn> columns = VitalsRecipe.NORMAL_COLUMNS;
        int maskCount = VitalsRecipe.MASKED_VITALS.size();
        double lambda = VitalsRecipe.POISSON_LAMBDA;
        progress.start("first pass: where each column starts",
                rows * (columns.size() * NORMAL_ROW_UNITS + POISSON_ROW_UNITS + maskCount * MASK_ROW_UNITS));
        long normalCount = columns.size() * rows;
        long triesPerState = Math.max(MIN_TRIES_PER_STATE,
                (long) (rows * POISSON_TRIES_PER_DRAW / MAX_SEGMENT_STATES) + 1);

        SecondThread second = null;
        if (rows >= parallelRows) {
            long start = secondStartTry >= 0 ? secondStartTry : secondStart(normalCount, rows);
            second = new SecondThread(seed, start, rows, triesPerState, progress);
        }

        NormalCursor normals = new NormalCursor(
                new NormalCursor.State(new Mt19937(VitalsGenerator.checkSeed(seed)), false, 0));
        long index = 0;
        for (int column = 0; column < columns.size(); column++) {
            for (int checkpoint = 0; checkpoint < checkpoints; checkpoint++) {
                long target = column * rows + checkpoint * rowsPerCheckpoint;
                normals.skip(target - index);
                progress.advance((target - index) * NORMAL_ROW_UNITS);
                index = target;
                plan.normal[column][checkpoint] = normals.snapshot();
            }
        }
        normals.skip(normalCount - index);
        progress.advance((normalCount - index) * NORMAL_ROW_UNITS);
        long normalTries = normals.tries();

        // The Poisson column from its start, up to the second thread's start if it has a valid one.
        boolean split = second != null && second.startTry >= normalTries;
        if (second != null && !split) {
            second.stop();
        }
        PoissonSegment first = new PoissonSegment();
        PoissonCursor counts = new PoissonCursor(normals.snapshot().twister(), lambda);
        long firstDraws = 0;
        long firstTries = split ? second.startTry - normalTries : Long.MAX_VALUE;
        first.record(counts, 0);
        for (long tried = 0; tried < firstTries && firstDraws < rows; tried += triesPerState) {
            long step = Math.min(triesPerState, firstTries - tried);
            long found = counts.skipTries(step);
            firstDraws += found;
            progress.advance(Math.min(found, rows) * POISSON_ROW_UNITS);
            first.record(counts, firstDraws);
        }
        PoissonSegment later = null;
        if (split) {
            if (firstDraws >= rows) {
                second.stop();
            } else {
                second.needDraws(rows - firstDraws);
                later = second.join();
            }
        }

        long firstEnd = Math.min(firstDraws, rows);
        for (int checkpoint = 0; checkpoint < checkpoints; checkpoint++) {
            plan.poisson[checkpoint] = poissonAfter(checkpoint * rowsPerCheckpoint, first, firstEnd, later, lambda);
        }
        Mt19937 poissonEnd = poissonAfter(rows, first, firstEnd, later, lambda);

        MaskCursor masks = new MaskCursor(poissonEnd);
        long row = 0;
        for (int mask = 0; mask < maskCount; mask++) {
            for (int checkpoint = 0; checkpoint < checkpoints; checkpoint++) {
                long target = mask * rows + checkpoint * rowsPerCheckpoint;
                masks.skip(target - row);
                progress.advance((target - row) * MASK_ROW_UNITS);
                row = target;
                plan.masks[mask][checkpoint] = masks.snapshot();
            }
        }
        progress.advance((maskCount * rows - row) * MASK_ROW_UNITS);
        progress.finish();
        return plan;
    }

    /** Right after the Poisson column's {@code draw}-th draw: in the first segment, or the second one past it. */
    private static Mt19937 poissonAfter(long draw, PoissonSegment first, long firstDraws, PoissonSegment later,
            double lambda) {
        return draw <= firstDraws || later == null ? first.after(draw, lambda)
                : later.after(draw - firstDraws, lambda);
    }

    /** Where the second thread starts: past the normal columns' expected end, into the Poisson column. */
    private static long secondStart(long normalCount, long rows) {
        double pairs = Math.ceil(normalCount / 2.0);
        double expected = pairs / NORMAL_ACCEPTANCE;
        double sigma = Math.sqrt(pairs * (1 - NORMAL_ACCEPTANCE)) / NORMAL_ACCEPTANCE;
        return (long) (expected + START_MARGIN_SIGMAS * sigma + 64
                + FIRST_THREAD_POISSON_SHARE * rows * POISSON_TRIES_PER_DRAW);
    }

    /** The second thread of the first pass: counts Poisson draws from a given try until it has enough. */
    private static final class SecondThread {
        final long startTry;
        private final PoissonSegment segment = new PoissonSegment();
        private final Thread thread;
        /** Draws the segment must reach; unknown (the most it could need) until the first thread knows. */
        private volatile long needed;
        private volatile boolean stopped;
        private volatile Throwable failure;

        SecondThread(long seed, long startTry, long rows, long triesPerState, Progress progress) {
            this.startTry = startTry;
            this.needed = rows;
            this.thread = Thread.ofPlatform().name("vitals-first-pass").start(() -> {
                try {
                    PoissonCursor cursor = new PoissonCursor(new Mt19937(VitalsGenerator.checkSeed(seed)),
                            VitalsRecipe.POISSON_LAMBDA);
                    cursor.discardTries(startTry);
                    long draws = 0;
                    segment.record(cursor, 0);
                    while (!stopped && draws < needed) {
                        long found = cursor.skipTries(triesPerState);
                        draws += found;
                        progress.advance(found * POISSON_ROW_UNITS);
                        segment.record(cursor, draws);
                    }
                } catch (Throwable e) {
                    failure = e;
                }
            });
        }

        void needDraws(long draws) {
            needed = draws;
        }

        void stop() {
            stopped = true;
            waitFor();
        }

        PoissonSegment join() {
            waitFor();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return segment;
        }

        private void waitFor() {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Fresh cursors positioned at the first row of {@code patient}. */
    RowSource cursorsAt(int patient) {
        int checkpoint = patient / checkpointPatients;
        long skipRows = (long) (patient - checkpoint * checkpointPatients) * days;
        NormalCursor[] normalCursors = new NormalCursor[normal.length];
        for (int column = 0; column < normal.length; column++) {
            normalCursors[column] = new NormalCursor(normal[column][checkpoint]);
            normalCursors[column].skip(skipRows);
        }
        PoissonCursor counts = new PoissonCursor(poisson[checkpoint], VitalsRecipe.POISSON_LAMBDA);
        counts.skip(skipRows);
        MaskCursor[] maskCursors = new MaskCursor[masks.length];
        for (int mask = 0; mask < masks.length; mask++) {
            maskCursors[mask] = new MaskCursor(masks[mask][checkpoint]);
            maskCursors[mask].skip(skipRows);
        }
        return new Cursors(normalCursors, counts, maskCursors);
    }

    /** One cursor per column stream, all at the same row; {@link #fill} advances them all. */
    record Cursors(NormalCursor[] normals, PoissonCursor counts, MaskCursor[] masks) implements RowSource {
        @Override
        public void fill(double[][] values, int rows) {
            int from = 0;
            List<VitalsRecipe.NormalColumn> columns = VitalsRecipe.NORMAL_COLUMNS;
            for (int column = 0; column < normals.length; column++) {
                VitalsRecipe.NormalColumn recipe = columns.get(column);
                normals[column].fill(recipe, values[recipe.vital().ordinal()], from, rows);
            }
            counts.fill(values[VitalsRecipe.POISSON_VITAL.ordinal()], from, rows);
            for (int mask = 0; mask < masks.length; mask++) {
                masks[mask].apply(values[VitalsRecipe.MASKED_VITALS.get(mask).ordinal()], from, rows);
            }
        }
    }
}
