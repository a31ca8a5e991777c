package fasterjava.vitals.data;

import fasterjava.util.Progress;
import fasterjava.vitals.Vital;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The generator's data for any number of patients in bounded memory, as blocks of whole patients, with the same
 * values as {@link VitalsGenerator#generate}.
 *
 * <p>Two passes over the one random stream: the first ({@link StreamPlan}: on two threads from 16 million rows)
 * finds where each column's values for every K-th patient begin and keeps those generator states (at most 256
 * checkpoints of 25 KB); the second produces blocks from them. Consecutive blocks form a run that one thread
 * produces with ten cursors (one per column stream) that simply continue; runs start at checkpoints, so threads
 * work on different runs without waiting for each other. Memory: the checkpoints, the first pass's transient
 * states (at most 40 MB), and each thread's block.
 *
 * <p>Small data sets (up to {@link #IN_MEMORY_ROWS} rows) are generated in memory by {@link VitalsGenerator} and
 * handed out in slices: the vector code of the two passes is fast only once the JIT has compiled it, which takes
 * longer than generating a million rows the plain way.
 */
public final class VitalsStream {
    /** Up to this many rows (48 MB of values), the data are generated in memory and sliced. */
    static final long IN_MEMORY_ROWS = 1 << 20;
    /** At most this many checkpoints (ten 2.5 KB generator states each): bounds the first pass's memory. */
    static final int MAX_CHECKPOINTS = 256;
    /** Runs per thread: enough for threads finishing at different times to share the tail of the work. */
    private static final int RUNS_PER_THREAD = 8;

    private final int patients;
    private final int days;
    private final long seed;
    private final boolean inMemory;
    private StreamPlan plan;
    private GeneratedVitals generated;

    private VitalsStream(int patients, int days, long seed, long inMemoryRows) {
        VitalsGenerator.checkShape(patients, days, seed);
        this.patients = patients;
        this.days = days;
        this.seed = seed;
        this.inMemory = (long) patients * days <= inMemoryRows;
    }

    /** The stream of {@code patients} × {@code days} rows for {@code seed}; nothing is generated yet. */
    public static VitalsStream of(int patients, int days, long seed) {
        return new VitalsStream(patients, days, seed, IN_MEMORY_ROWS);
    }

    /** The same, generating in memory only up to {@code inMemoryRows} rows (tests use 0: always stream). */
    static VitalsStream of(int patients, int days, long seed, long inMemoryRows) {
        return new VitalsStream(patients, days, seed, inMemoryRows);
    }

    public int patients() {
        return patients;
    }

    public int days() {
        return days;
    }

    public long seed() {
        return seed;
    }

    public long rows() {
        return (long) patients * days;
    }

    /**
     * Hands every block to {@code consumer} exactly once, from {@code threads} worker threads (any order), blocks
     * of {@code patientsPerBlock} patients (the last may be smaller); the consumer may be called concurrently.
     * Each thread reuses its block's arrays for its next block, so the consumer must copy what it keeps beyond its
     * return (allocating hundreds of megabytes a second for arrays used once cost a tenth of the time in garbage
     * collection). Returns when all are done; the first exception thrown by the consumer stops the other threads
     * and is rethrown here.
     */
    public void forEachBlock(int patientsPerBlock, int threads, Consumer<VitalsBlock> consumer) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        prepare(patientsPerBlock, Progress.NONE);
        List<int[]> runs = runs(patientsPerBlock, threads);
        if (threads == 1) {
            for (int[] run : runs) {
                produce(run[0], run[1], patientsPerBlock, consumer, () -> false);
            }
            return;
        }
        AtomicInteger nextRun = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BooleanSupplier failed = () -> failure.get() != null;
        Thread[] workers = new Thread[Math.min(threads, runs.size())];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = Thread.ofPlatform().name("vitals-" + t).start(() -> {
                try {
                    for (int r = nextRun.getAndIncrement(); r < runs.size() && !failed.getAsBoolean();
                            r = nextRun.getAndIncrement()) {
                        produce(runs.get(r)[0], runs.get(r)[1], patientsPerBlock, consumer, failed);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        for (Thread worker : workers) {
            joinUninterruptibly(worker);
        }
        rethrow(failure.get());
    }

    /**
     * The same blocks in patient order, produced on the calling thread as it iterates (for writers that must keep
     * order). Each block has arrays of its own.
     */
    public Iterator<VitalsBlock> blocks(int patientsPerBlock) {
        prepare(patientsPerBlock, Progress.NONE);
        RowSource source = sourceAt(0);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < patients;
            }

            @Override
            public VitalsBlock next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                VitalsBlock block = block(source, next, Math.min(patientsPerBlock, patients - next));
                next += block.patients();
                return block;
            }
        };
    }

    /**
     * Runs the first pass now, reporting its progress (otherwise the first call that needs it runs it quietly).
     * It runs once per stream; the block size given here (or to the first call) only places its checkpoints, on
     * block boundaries so that runs start on them.
     */
    public synchronized void prepare(int patientsPerBlock, Progress progress) {
        if (patientsPerBlock < 1) {
            throw new IllegalArgumentException("patients per block must be at least 1, got " + patientsPerBlock);
        }
        if ((long) patientsPerBlock * days > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(patientsPerBlock + " patients × " + days
                    + " days are too many rows for one block");
        }
        if (inMemory) {
            if (generated == null) {
                generated = VitalsGenerator.generate(patients, days, seed);
            }
            return;
        }
        if (plan == null) {
            int spacing = Math.ceilDiv(patients, MAX_CHECKPOINTS);
            int checkpointPatients = (int) Math.min(patients,
                    (long) patientsPerBlock * Math.ceilDiv(spacing, patientsPerBlock));
            plan = StreamPlan.compute(patients, days, seed, checkpointPatients, progress);
        }
    }

    /** Where to start runs: the plan's checkpoints, or for in-memory data any block. */
    private synchronized int[] runStarts(int patientsPerBlock) {
        int checkpoints = inMemory ? Math.ceilDiv(patients, patientsPerBlock) : plan.checkpoints();
        int spacing = inMemory ? patientsPerBlock : plan.checkpointPatients;
        int[] starts = new int[checkpoints];
        for (int i = 0; i < checkpoints; i++) {
            starts[i] = i * spacing;
        }
        return starts;
    }

    /** Runs as [first block, end block): each starts at the first block at or after a checkpoint. */
    private List<int[]> runs(int patientsPerBlock, int threads) {
        int blocks = Math.ceilDiv(patients, patientsPerBlock);
        int[] checkpoints = runStarts(patientsPerBlock);
        int wanted = Math.min(checkpoints.length, threads == 1 ? 1 : threads * RUNS_PER_THREAD);
        List<Integer> starts = new ArrayList<>();
        for (int r = 0; r < wanted; r++) {
            int checkpoint = checkpoints[(int) ((long) r * checkpoints.length / wanted)];
            int start = Math.ceilDiv(checkpoint, patientsPerBlock);
            if (start < blocks && (starts.isEmpty() || starts.get(starts.size() - 1) < start)) {
                starts.add(start);
            }
        }
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            runs.add(new int[] {starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : blocks});
        }
        return runs;
    }

    private void produce(int firstBlock, int endBlock, int patientsPerBlock, Consumer<VitalsBlock> consumer,
            BooleanSupplier stop) {
        RowSource source = sourceAt(firstBlock * patientsPerBlock);
        double[][] reused = null;
        for (int b = firstBlock; b < endBlock && !stop.getAsBoolean(); b++) {
            int first = b * patientsPerBlock;
            int blockPatients = Math.min(patientsPerBlock, patients - first);
            int rows = blockPatients * days;
            if (reused == null || reused[0].length != rows) {
                reused = new double[Vital.values().length][rows];
            }
            source.fill(reused, rows);
            consumer.accept(new VitalsBlock(first, blockPatients, days, reused));
        }
    }

    /** Rows from the first row of {@code patient} on. */
    private synchronized RowSource sourceAt(int patient) {
        if (!inMemory) {
            return plan.cursorsAt(patient);
        }
        GeneratedVitals data = generated;
        return new RowSource() {
            private int row = patient * days;

            @Override
            public void fill(double[][] values, int rows) {
                for (int vital = 0; vital < values.length; vital++) {
                    System.arraycopy(data.values()[vital], row, values[vital], 0, rows);
                }
                row += rows;
            }
        };
    }

    private VitalsBlock block(RowSource source, int firstPatient, int blockPatients) {
        int rows = blockPatients * days;
        double[][] values = new double[Vital.values().length][rows];
        source.fill(values, rows);
        return new VitalsBlock(firstPatient, blockPatients, days, values);
    }

    private static void rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
