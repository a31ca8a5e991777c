package fasterjava.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.corrset.search.PrefixTreeSearch;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.util.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Spark search gives the single-machine engine's answer, for any K and any number of partitions. */
@ExtendWith(SharedSpark.class)
class SparkCorrsetSearchTest {
    /** One task, a few that cut the units unevenly, and more than most searches have units. */
    private static final int[] PARTITIONS = {1, 3, 500};

    @TempDir
    Path dir;

    @Test
    void sampleDataGiveTheSingleMachineAnswerForEveryKAndPartitioning(JavaSparkContext spark) {
        Scores sample = TestScores.sample();
        for (int k = 2; k <= 5; k++) {
            for (int minUsers : new int[] {2, 10}) {
                check(spark, new SearchRequest(sample, k, minUsers, 4, 1), "sample");
            }
        }
    }

    @Test
    void randomDataGiveTheSingleMachineAnswer(JavaSparkContext spark) {
        // 0/1 scores run the engine's dense last level, larger ones its general pair table.
        Scores binary = TestScores.random(dir, 11, 90, 12, 0.55, 1);
        Scores graded = TestScores.random(dir, 12, 60, 11, 0.6, 4);
        for (int k = 2; k <= 5; k++) {
            check(spark, new SearchRequest(binary, k, 2, 1, 1), "binary");
            check(spark, new SearchRequest(graded, k, 3, 5, 1), "graded");
        }
    }

    @Test
    void edgeFixturesGiveTheSingleMachineAnswer(JavaSparkContext spark) {
        for (String name : List.of("ties", "zero-variance", "no-common-user", "single-user")) {
            Scores scores = ScoresLoader.load(TestScores.edgeFixture(name));
            for (int k = 2; k <= Math.min(5, scores.questionCount()); k++) {
                check(spark, new SearchRequest(scores, k, 2, 3, 1), name);
            }
        }
    }

    @Test
    void tasksWithSeveralThreadsGiveTheSameAnswer(JavaSparkContext spark) {
        Scores sample = TestScores.sample();
        SearchRequest oneThread = new SearchRequest(sample, 4, 5, 3, 1);
        SearchRequest twoThreads = new SearchRequest(sample, 4, 5, 3, 2);
        SearchResult expected = Searches.fastest().exhaustive().run(oneThread, Progress.NONE);
        SearchResult actual = new SparkCorrsetSearch(spark).run(twoThreads, true, 3, Progress.NONE);
        assertEquals(expected.best(), actual.best());
        assertEquals(expected.combinations(), actual.combinations());
    }

    @Test
    void progressCountsEverySetOnceAndTheResultNamesSpark(JavaSparkContext spark) {
        Scores sample = TestScores.sample();
        AtomicLong total = new AtomicLong();
        AtomicLong advanced = new AtomicLong();
        Progress progress = new Progress() {
            @Override
            public void start(String task, long sets) {
                total.set(sets);
            }

            @Override
            public void advance(long sets) {
                advanced.addAndGet(sets);
            }

            @Override
            public void finish() {
            }
        };
        SearchResult result = new SparkCorrsetSearch(spark).run(new SearchRequest(sample, 3, 2, 1, 1), true, 4,
                progress);
        assertEquals(SparkCorrsetSearch.NAME, result.algorithm());
        assertEquals(Combinations.countExact(20, 3), total.get());
        // The listener bus reports tasks asynchronously: the count may trail the job, never exceed it.
        assertTrue(advanced.get() <= total.get(), advanced + " of " + total);
    }

    @Test
    void earlyStopExaminesNoMoreThanEverySetAndKeepsTheBestList(JavaSparkContext spark) {
        // min-users 2 on the sample: sets of two users have r = 1 exactly, so tasks stop early on their own.
        Scores sample = TestScores.sample();
        SearchRequest request = new SearchRequest(sample, 5, 2, 2, 1);
        SearchResult single = Searches.fastest().run(request, Progress.NONE);
        long every = Combinations.countExact(20, 5);
        assertTrue(single.combinations() < every, "the single-machine search stops early here");
        for (int partitions : PARTITIONS) {
            SearchResult spread = new SparkCorrsetSearch(spark).run(request, false, partitions, Progress.NONE);
            assertEquals(single.best(), spread.best(), "partitions=" + partitions);
            assertTrue(spread.combinations() <= every, "partitions=" + partitions);
            assertFalse(spread.best().isEmpty());
            assertEquals(1.0, spread.best().get(0).r(), 0.0);
        }
    }

    /**
     * Against the single-machine engine: with {@code --exhaustive} best list and both counters, with early stop the
     * best list (its counters depend on the partitioning; see {@link SparkCorrsetSearch}).
     */
    private static void check(JavaSparkContext spark, SearchRequest request, String what) {
        PrefixTreeSearch engine = Searches.fastest();
        SearchResult exhaustive = engine.exhaustive().run(request, Progress.NONE);
        SearchResult stopping = engine.run(request, Progress.NONE);
        SparkCorrsetSearch search = new SparkCorrsetSearch(spark);
        for (int partitions : PARTITIONS) {
            String context = what + " k=" + request.k() + " min-users=" + request.minUsers() + " top="
                    + request.top() + " partitions=" + partitions;
            SearchResult all = search.run(request, true, partitions, Progress.NONE);
            assertEquals(exhaustive.best(), all.best(), context);
            assertEquals(exhaustive.combinations(), all.combinations(), context);
            assertEquals(exhaustive.undefined(), all.undefined(), context);
            SearchResult early = search.run(request, false, partitions, Progress.NONE);
            assertEquals(stopping.best(), early.best(), context + " (early stop)");
            assertTrue(early.combinations() <= exhaustive.combinations(), context + " (early stop)");
        }
    }
}
