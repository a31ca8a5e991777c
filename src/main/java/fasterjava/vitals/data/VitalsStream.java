package fasterjava.vitals.data;

import fasterjava.vitals.Vital;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The generator's data for any number of patients in bounded memory, as blocks of whole patients, with the same
 * values as {@link VitalsGenerator#generate}.
 *
 * <p>Two passes over the one random stream: the first ({@link StreamPlan}) finds where each column's values for
 * every K-th patient begin and keeps those generator states; the second produces blocks from them. Consecutive
 * blocks form a run that one thread produces with ten cursors (one per column stream) that simply continue; runs
 * start at checkpoints, so threads work on different runs without waiting for each other.
 */
public final class VitalsStream {
    /** At most this many checkpoints (ten 2.5 KB generator states each): bounds the first pass's memory. */
    static final int MAX_CHECKPOINTS = 256;
    /** Runs per thread: enough for threads finishing at different times to share the tail of the work. */
    private static final int RUNS_PER_THREAD = 8;

    private final int patients;
    private final int days;
    private final long seed;
    private StreamPlan plan;

    private VitalsStream(int patients, int days, long seed) {
        VitalsGenerator.checkShape(patients, days, seed);
        this.patients = patients;
        this.days = days;
        this.seed = seed;
    }

    /** The stream of {@code patients} × {@code days} rows for {@code seed}; nothing is generated yet. */
    public static VitalsStream of(int patients, int days, long seed) {
        return new VitalsStream(patients, days, seed);
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
     * of {@code patientsPerBlock} patients (the last may be smaller); the consumer may be called concurrently and
     * must not keep the block's arrays after it returns. Returns when all are done; the first exception thrown by
     * the consumer stops the other threads and is rethrown here.
     */
    public void forEachBlock(int patientsPerBlock, int threads, Consumer<VitalsBlock> consumer) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        StreamPlan ready = plan(patientsPerBlock);
        List<int[]> runs = runs(ready, patientsPerBlock, threads);
        if (threads == 1) {
            for (int[] run : runs) {
                produce(ready, run[0], run[1], patientsPerBlock, consumer, () -> false);
            }
            return;
        }
        AtomicInteger nextRun = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[Math.min(threads, runs.size())];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = Thread.ofPlatform().name("vitals-" + t).start(() -> {
                try {
                    for (int r = nextRun.getAndIncrement(); r < runs.size() && failure.get() == null;
                            r = nextRun.getAndIncrement()) {
                        produce(ready, runs.get(r)[0], runs.get(r)[1], patientsPerBlock, consumer,
                                () -> failure.get() != null);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        for (Thread worker : workers) {
            joinUninterruptibly(worker);
        }
        Throwable e = failure.get();
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

    /**
     * The same blocks in patient order, produced on the calling thread as it iterates (for writers that must keep
     * order). A block's arrays are its own: it stays valid after the next call.
     */
    public Iterator<VitalsBlock> blocks(int patientsPerBlock) {
        StreamPlan ready = plan(patientsPerBlock);
        StreamPlan.Cursors cursors = ready.cursorsAt(0);
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
                VitalsBlock block = block(cursors, next, Math.min(patientsPerBlock, patients - next));
                next += block.patients();
                return block;
            }
        };
    }

    /** Runs the first pass now (otherwise the first call that needs it does). */
    public synchronized void prepare(int patientsPerBlock) {
        plan(patientsPerBlock);
    }

    private synchronized StreamPlan plan(int patientsPerBlock) {
        if (patientsPerBlock < 1) {
            throw new IllegalArgumentException("patients per block must be at least 1, got " + patientsPerBlock);
        }
        if ((long) patientsPerBlock * days > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(patientsPerBlock + " patients × " + days
                    + " days are too many rows for one block");
        }
        if (plan == null) {
            // Checkpoints on block boundaries (a multiple of the block size), so runs start on them.
            int spacing = Math.ceilDiv(patients, MAX_CHECKPOINTS);
            int checkpointPatients = (int) Math.min(patients,
                    (long) patientsPerBlock * Math.ceilDiv(spacing, patientsPerBlock));
            plan = StreamPlan.compute(patients, days, seed, checkpointPatients);
        }
        return plan;
    }

    /** Runs as [first block, end block): each starts at the first block at or after a checkpoint. */
    private List<int[]> runs(StreamPlan ready, int patientsPerBlock, int threads) {
        int blocks = Math.ceilDiv(patients, patientsPerBlock);
        int checkpoints = ready.checkpoints();
        int wanted = Math.min(checkpoints, threads == 1 ? 1 : threads * RUNS_PER_THREAD);
        List<Integer> starts = new ArrayList<>();
        for (int r = 0; r < wanted; r++) {
            int checkpoint = (int) ((long) r * checkpoints / wanted);
            int start = Math.ceilDiv(checkpoint * ready.checkpointPatients, patientsPerBlock);
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

    private void produce(StreamPlan ready, int firstBlock, int endBlock, int patientsPerBlock,
            Consumer<VitalsBlock> consumer, java.util.function.BooleanSupplier stop) {
        int firstPatient = firstBlock * patientsPerBlock;
        StreamPlan.Cursors cursors = ready.cursorsAt(firstPatient);
        for (int b = firstBlock; b < endBlock && !stop.getAsBoolean(); b++) {
            int first = b * patientsPerBlock;
            consumer.accept(block(cursors, first, Math.min(patientsPerBlock, patients - first)));
        }
    }

    private VitalsBlock block(StreamPlan.Cursors cursors, int firstPatient, int blockPatients) {
        int rows = blockPatients * days;
        double[][] values = new double[Vital.values().length][rows];
        cursors.fill(values, 0, rows);
        return new VitalsBlock(firstPatient, blockPatients, days, values);
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
