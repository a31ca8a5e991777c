package fasterjava.vitals.journey;

import com.sun.management.OperatingSystemMXBean;
import fasterjava.util.AtomicFile;
import fasterjava.util.Progress;
import fasterjava.vitals.FeatureChecksum;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.data.FeaturesCsvWriter;
import fasterjava.vitals.data.VitalsBlock;
import fasterjava.vitals.data.VitalsStream;
import fasterjava.vitals.steps.Step08Streaming;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates the spec's data and computes its features in one streamed run, in bounded memory: the generator's
 * {@link VitalsStream} hands blocks of {@link FeatureChecksum#PATIENTS_PER_PART} patients to its worker threads, and
 * each thread featurizes its block with step 08's kernel ({@link Step08Streaming.BlockKernel}) before generating the
 * next. Nothing of a block outlives it except its features' column sums and, when an output file is asked for, its
 * CSV lines, held until the lines before them are written: each generator thread produces a run of consecutive
 * blocks, so the lines of up to about one run per other thread may wait for the file, which is in patient order.
 */
public final class StreamedFeatures {
    private static final int PART = FeatureChecksum.PATIENTS_PER_PART;
    private static final double MB = 1024.0 * 1024.0;

    private StreamedFeatures() {
    }

    /**
     * What a run measured.
     *
     * @param seconds wall-clock time of the whole run, the generator's first pass included
     * @param generateCpuSeconds CPU time spent generating: the process's CPU time during the first pass, plus the
     *     worker threads' time outside the featurization (and outside formatting output lines)
     * @param featuresCpuSeconds CPU time spent in the feature kernel, all threads
     * @param peakHeapMb the heap's peak use during the run (each heap pool's peak, added: an upper bound)
     * @param checksum each feature column's sum ({@link FeatureChecksum})
     */
    public record Result(int patients, long rows, double seconds, double generateCpuSeconds,
            double featuresCpuSeconds, double peakHeapMb, Map<String, Double> checksum) {
    }

    /**
     * Generates {@code patients × days} rows for {@code seed} on {@code threads} threads, computes every
     * patient's features and, if {@code out} is not null, writes them to it as the spec's CSV (atomically: an error
     * names the file and leaves nothing behind).
     */
    public static Result run(int patients, int days, long seed, int threads, Path out, Progress progress)
            throws IOException {
        if (out == null) {
            return run(patients, days, seed, threads, (OrderedOutput) null, progress);
        }
        Result[] result = new Result[1];
        AtomicFile.write(out, file -> {
            file.write(FeaturesCsvWriter.header());
            try {
                result[0] = run(patients, days, seed, threads, new OrderedOutput(file), progress);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return result[0];
    }

    private static Result run(int patients, int days, long seed, int threads, OrderedOutput output,
            Progress progress) {
        VitalsStream stream = VitalsStream.of(patients, days, seed);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        // The first pass may use helper threads of its own: count the whole process's CPU time while it runs.
        OperatingSystemMXBean process = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long planCpu = process.getProcessCpuTime();
        stream.prepare(PART, progress);
        planCpu = process.getProcessCpuTime() - planCpu;
        long cpuAfterPlan = cpu.getCurrentThreadCpuTime();
        Thread caller = Thread.currentThread();

        int parts = (patients + PART - 1) / PART;
        double[][] partSums = new double[parts][];
        AtomicLong featuresNanos = new AtomicLong();
        AtomicLong generateNanos = new AtomicLong(planCpu);
        // With one thread the stream calls back on this thread, whose clock already holds the first pass.
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(days,
                Thread.currentThread() == caller ? cpuAfterPlan : 0));
        progress.start("features", patients);
        try {
            stream.forEachBlock(PART, threads, block -> {
                Worker worker = workers.get();
                long entered = cpu.getCurrentThreadCpuTime();
                generateNanos.addAndGet(entered - worker.cpuAtLastExit);
                double[] features = worker.describe(block);
                long described = cpu.getCurrentThreadCpuTime();
                featuresNanos.addAndGet(described - entered);
                int part = block.firstPatient() / PART;
                partSums[part] = FeatureChecksum.partSums(features, 0, block.patients());
                if (output != null) {
                    output.offer(part, FeaturesCsvWriter.format(new VitalsFeatures(
                            VitalsTable.numberedIds(block.firstPatient(), block.patients()), features)));
                }
                worker.cpuAtLastExit = cpu.getCurrentThreadCpuTime();
                progress.advance(block.patients());
            });
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Result(patients, stream.rows(), seconds, generateNanos.get() / 1e9, featuresNanos.get() / 1e9,
                peak / MB, FeatureChecksum.combine(Arrays.asList(partSums)));
    }

    /** One generator thread's kernel and scratch, and where its CPU clock stood when it last left the consumer. */
    private static final class Worker {
        private final Step08Streaming.BlockKernel kernel = new Step08Streaming.BlockKernel();
        private final int days;
        private int[] dayNumbers = new int[0];
        private long cpuAtLastExit;

        Worker(int days, long cpuAtStart) {
            this.days = days;
            this.cpuAtLastExit = cpuAtStart;
        }

        double[] describe(VitalsBlock block) {
            int rows = block.rows();
            if (dayNumbers.length < rows) {
                dayNumbers = new int[rows];
                for (int i = 0; i < rows; i++) {
                    dayNumbers[i] = i % days;
                }
            }
            double[] features = new double[block.patients() * VitalsFeatures.COLUMNS];
            for (int p = 0; p < block.patients(); p++) {
                kernel.describePatient(block.values(), dayNumbers, p * days, (p + 1) * days, features,
                        p * VitalsFeatures.COLUMNS);
            }
            return features;
        }
    }

    /** Writes parts in order as they arrive in any order, holding early arrivals until their turn. */
    private static final class OrderedOutput {
        private final OutputStream out;
        private final Map<Integer, byte[]> waiting = new HashMap<>();
        private int next;

        OrderedOutput(OutputStream out) {
            this.out = out;
        }

        synchronized void offer(int part, byte[] lines) {
            waiting.put(part, lines);
            try {
                for (byte[] ready = waiting.remove(next); ready != null; ready = waiting.remove(next)) {
                    out.write(ready);
                    next++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
