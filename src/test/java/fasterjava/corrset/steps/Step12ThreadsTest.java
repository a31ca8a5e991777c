package fasterjava.corrset.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.Oracle;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresGenerator;
import fasterjava.corrset.data.ScoresLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many batches, any thread count: the same output, equal to the oracle and to single-threaded step 11. */
class Step12ThreadsTest {
    /** C(16, 5) = 4,368 combinations: four full batches and a partial one. */
    private static final int QUESTIONS = 16;
    private static final int K = 5;
    private static final int ALL = 4368;

    @TempDir
    static Path dir;
    private static CorrsetInput input;

    @BeforeAll
    static void data() throws IOException {
        Path file = dir.resolve("generator-600x16.json");
        ScoresGenerator.write(new ScoresGenerator.Shape(600, QUESTIONS, 450, 7), file);
        Scores scores = ScoresLoader.load(file);
        input = new CorrsetInput(scores, K);
    }

    @Test
    void sameResultForOneTwoAndThreeThreads() {
        CorrsetResult expected = new Oracle(input.scores()).firstCombinations(K, ALL);
        CorrsetResult single = run(new Step11VectorApi(), ALL);
        for (int threads : new int[] {1, 2, 3}) {
            for (int items : new int[] {ALL, 2 * Step12Threads.BATCH, Step12Threads.BATCH + 1, 1000, 1}) {
                CorrsetResult actual = run(new Step12Threads(threads), items);
                String where = threads + " threads, " + items + " items";
                actual.firstMismatch(expected, items).ifPresent(m -> fail(where + ": " + m));
                assertArrayEquals(java.util.Arrays.copyOf(single.r(), items), actual.r(), where + ": r");
                assertArrayEquals(java.util.Arrays.copyOf(single.n(), items), actual.n(), where + ": n");
            }
        }
    }

    @Test
    void noWorkerOutlivesCompute() throws InterruptedException {
        Step12Threads step = new Step12Threads(3);
        step.prepare(input);
        step.compute(ALL);
        step.compute(ALL);
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> alive;
        while (!(alive = workers()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), alive, "step 12 worker threads still alive after compute returned");
    }

    @Test
    void rejectsZeroThreads() {
        assertThrows(IllegalArgumentException.class, () -> new Step12Threads(0));
    }

    private static CorrsetResult run(fasterjava.ladder.Step<CorrsetInput, CorrsetResult> step, int items) {
        step.prepare(input);
        return step.compute(items);
    }

    private static List<String> workers() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(Step12Threads.THREAD_NAME_PREFIX)).toList();
    }
}
