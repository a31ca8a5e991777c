package fasterjava.basics.processes;

import fasterjava.ladder.VerificationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The {@link HashWork} task split over threads or worker processes, and Amdahl's law for a task with a serial
 * part. Threads are fresh platform threads per run, so a run's time includes starting them (tens of microseconds,
 * nothing beside the work).
 */
final class Parallel {
    private Parallel() {
    }

    /** Amdahl's law: the speedup on {@code n} workers when {@code serialFraction} of the one-worker time is serial. */
    static double amdahl(double serialFraction, double n) {
        return 1 / (serialFraction + (1 - serialFraction) / n);
    }

    /** {@code [from, to)} cut into {@code parts} ranges of sizes differing by at most one: {@code parts + 1} bounds. */
    static long[] bounds(long from, long to, int parts) {
        long[] bounds = new long[parts + 1];
        long length = to - from;
        for (int p = 0; p <= parts; p++) {
            bounds[p] = from + length * p / parts;
        }
        return bounds;
    }

    /** The sum over {@code [from, to)} on {@code threads} threads, one range each. */
    static long onThreads(long from, long to, int threads) {
        long[] bounds = bounds(from, to, threads);
        AtomicLongArray partial = new AtomicLongArray(threads);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int part = t;
            started.add(Thread.ofPlatform().name("hash-" + t).start(
                    () -> partial.set(part, HashWork.sum(bounds[part], bounds[part + 1]))));
        }
        long sum = 0;
        try {
            for (int t = 0; t < threads; t++) {
                started.get(t).join();
                sum += partial.get(t);
            }
        } catch (InterruptedException e) {
            started.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the worker threads", e);
        }
        return sum;
    }

    /**
     * The sum over {@code [0, total)} with the first {@code serialFraction} of it computed on the calling thread
     * alone, before the rest is split over {@code threads} threads: the shape Amdahl's law describes.
     */
    static long withSerialPart(long total, double serialFraction, int threads) {
        long serialEnd = Math.round(total * serialFraction);
        return HashWork.sum(0, serialEnd) + (serialEnd < total ? onThreads(serialEnd, total, threads) : 0);
    }

    /**
     * One run on worker processes.
     *
     * @param sum the answer (the same in both rounds, checked)
     * @param coldNanos starting the workers, sending each its range and collecting the answers
     * @param warmNanos the same ranges again on the same, already started (and warmed-up) workers
     */
    record ProcessRun(long sum, long coldNanos, long warmNanos) {
    }

    /** The sum over {@code [0, total)} on {@code processes} fresh worker processes, twice; all stopped after. */
    static ProcessRun onProcesses(long total, int processes) throws IOException {
        long[] bounds = bounds(0, total, processes);
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int p = 0; p < processes; p++) {
                workers.add(WorkerProcess.start());
            }
            long cold = sumOn(workers, bounds);
            long coldNanos = System.nanoTime() - start;
            long warmStart = System.nanoTime();
            long warm = sumOn(workers, bounds);
            long warmNanos = System.nanoTime() - warmStart;
            if (cold != warm) {
                throw new VerificationException("worker processes gave " + cold + " and then " + warm);
            }
            return new ProcessRun(cold, coldNanos, warmNanos);
        } finally {
            workers.forEach(WorkerProcess::close);
        }
    }

    private static long sumOn(List<WorkerProcess> workers, long[] bounds) throws IOException {
        for (int p = 0; p < workers.size(); p++) {
            workers.get(p).sendSum(bounds[p], bounds[p + 1]);
        }
        long sum = 0;
        for (WorkerProcess worker : workers) {
            sum += worker.receive();
        }
        return sum;
    }

    /**
     * What a worker process costs before it computes anything.
     *
     * @param startNanos from starting the JVM to its answer to an empty request
     * @param transferNanos sending {@code bytes} bytes and getting their checksum back (best of a few)
     * @param bytes how many bytes were sent
     */
    record Overheads(long startNanos, long transferNanos, int bytes) {
        double megabytesPerSecond() {
            return bytes / (transferNanos / 1e9) / 1e6;
        }
    }

    /** Starts one worker, times its first answer, then passes it {@code data} {@code repeats} times; stops it. */
    static Overheads overheads(byte[] data, long expectedChecksum, int repeats) throws IOException {
        long start = System.nanoTime();
        try (WorkerProcess worker = WorkerProcess.start()) {
            worker.sendSum(0, 0);
            if (worker.receive() != 0) {
                throw new VerificationException("a worker's sum over an empty range was not 0");
            }
            long startNanos = System.nanoTime() - start;
            long best = Long.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long sent = System.nanoTime();
                worker.sendChecksum(data);
                long checksum = worker.receive();
                best = Math.min(best, System.nanoTime() - sent);
                if (checksum != expectedChecksum) {
                    throw new VerificationException("the worker's checksum of the data differs from ours: the bytes"
                            + " did not cross the pipe intact");
                }
            }
            return new Overheads(startNanos, best, data.length);
        }
    }
}
