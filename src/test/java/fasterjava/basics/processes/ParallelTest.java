package fasterjava.basics.processes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private static final long N = 1_000_003;

    /** The oracle: one plain loop, not {@link HashWork#sum}. */
    private static long oracle(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += HashWork.mix(i);
        }
        return sum;
    }

    @Test
    void boundsCoverTheRangeInNearlyEqualParts() {
        assertArrayEquals(new long[] {0, 3, 6, 10}, Parallel.bounds(0, 10, 3));
        assertArrayEquals(new long[] {5, 5}, Parallel.bounds(5, 5, 1));
        long[] bounds = Parallel.bounds(7, 7 + N, 7);
        assertEquals(7, bounds[0]);
        assertEquals(7 + N, bounds[7]);
        for (int p = 0; p < 7; p++) {
            long size = bounds[p + 1] - bounds[p];
            assertTrue(size == N / 7 || size == N / 7 + 1, "part " + p + ": " + size);
        }
    }

    @Test
    void everySplitGivesTheOneThreadAnswer() {
        long expected = oracle(N);
        assertEquals(expected, HashWork.sum(0, N));
        for (int threads = 1; threads <= 5; threads++) {
            assertEquals(expected, Parallel.onThreads(0, N, threads), threads + " threads");
            for (double serial : new double[] {0, 0.1, 0.5, 1}) {
                assertEquals(expected, Parallel.withSerialPart(N, serial, threads), serial + " serial");
            }
        }
    }

    @Test
    void amdahlsLaw() {
        assertEquals(2.0, Parallel.amdahl(0, 2), 1e-12);
        assertEquals(1 / (0.1 + 0.9 / 2), Parallel.amdahl(0.1, 2), 1e-12);
        assertEquals(10.0, Parallel.amdahl(0.1, Double.POSITIVE_INFINITY), 1e-12);
        assertEquals(4.0 / 3, Parallel.amdahl(0.5, 2), 1e-12);
        assertEquals(1.0, Parallel.amdahl(1, 64), 1e-12);
    }

    @Test
    void workerProcessesComputeTheSameSumAndAreStopped() throws Exception {
        Parallel.ProcessRun run = Parallel.onProcesses(N, 2);
        assertEquals(oracle(N), run.sum());
        assertTrue(run.coldNanos() > 0 && run.warmNanos() > 0);
    }

    @Test
    void aWorkerPassesDataBackAndStopsWhenClosed() throws Exception {
        byte[] data = new byte[3 << 20];
        new java.util.Random(5).nextBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        Parallel.Overheads overheads = Parallel.overheads(data, crc.getValue(), 2);
        assertTrue(overheads.startNanos() > 0 && overheads.transferNanos() > 0);
        assertEquals(data.length, overheads.bytes());

        WorkerProcess worker = WorkerProcess.start();
        worker.sendSum(0, 100);
        assertEquals(oracle(100), worker.receive());
        worker.close();
        assertFalse(worker.alive(), "close() stops the worker");
    }

    @Test
    void theWorkerRunsFromTheProjectsOwnClasses() {
        Path classPath = Path.of(WorkerProcess.classPath());
        String classFile = WorkerMain.class.getName().replace('.', File.separatorChar) + ".class";
        assertTrue(Files.isDirectory(classPath) ? Files.exists(classPath.resolve(classFile))
                : classPath.toString().endsWith(".jar"), classPath.toString());
        assertEquals("fasterjava.basics.processes.WorkerMain", WorkerProcess.command("java", "cp").getLast());
    }
}
