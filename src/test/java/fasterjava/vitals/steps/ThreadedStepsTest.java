package fasterjava.vitals.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fasterjava.ladder.Step;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Steps 07 and 08 give the same bits on any number of threads, for any number of patients (whole and partial
 * batches), as single-threaded step 06 — and leave no worker thread behind.
 */
class ThreadedStepsTest {
    /** Five full batches and a partial one of both steps' 64 patients. */
    private static final int PATIENTS = 5 * 64 + 17;
    private static VitalsTable table;
    private static VitalsFeatures single;

    @BeforeAll
    static void data() {
        table = VitalsLoader.table(VitalsGenerator.generate(PATIENTS, 30, 11));
        Step06VectorApi step = new Step06VectorApi();
        step.prepare(table);
        single = step.compute(PATIENTS);
    }

    @Test
    void sameBitsOnOneTwoAndThreeThreads() {
        List<IntFunction<Step<VitalsTable, VitalsFeatures>>> steps = List.of(Step07Threads::new,
                Step08Streaming::new);
        for (IntFunction<Step<VitalsTable, VitalsFeatures>> make : steps) {
            for (int threads : new int[] {1, 2, 3}) {
                Step<VitalsTable, VitalsFeatures> step = make.apply(threads);
                step.prepare(table);
                for (int items : new int[] {PATIENTS, 64, 65, 1}) {
                    VitalsFeatures actual = step.compute(items);
                    assertArrayEquals(java.util.Arrays.copyOf(single.values(), items * VitalsFeatures.COLUMNS),
                            actual.values(), step.getClass().getSimpleName() + ", " + threads + " threads, " + items
                                    + " patients");
                }
            }
        }
    }

    @Test
    void noWorkerOutlivesCompute() throws InterruptedException {
        for (Step<VitalsTable, VitalsFeatures> step : List.of(new Step07Threads(3), new Step08Streaming(3))) {
            step.prepare(table);
            step.compute(PATIENTS);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> alive;
        while (!(alive = workers()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), alive, "worker threads still alive after compute returned");
    }

    @Test
    void rejectsZeroThreads() {
        assertThrows(IllegalArgumentException.class, () -> new Step07Threads(0));
        assertThrows(IllegalArgumentException.class, () -> new Step08Streaming(0));
    }

    private static List<String> workers() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(Step07Threads.THREAD_NAME_PREFIX)
                        || name.startsWith(Step08Streaming.THREAD_NAME_PREFIX))
                .toList();
    }
}
