package fasterjava.spark.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.basics.mapreduce.PlainCounts;
import fasterjava.basics.mapreduce.ZipfCorpus;
import fasterjava.cli.Main;
import fasterjava.spark.SharedSpark;
import fasterjava.spark.SparkMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MapReduce topic's Spark jobs on a small Zipf text against the plain-Java count, and the metrics listener
 * against counts made another way (a combiner ships one record per distinct word per partition; without, one per
 * word; two actions read the text twice).
 */
@ExtendWith(SharedSpark.class)
class WordCountJobsTest {
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;
    private static Path text;
    private static PlainCounts expected;

    @BeforeAll
    static void corpus() throws Exception {
        text = dir.resolve("zipf.txt");
        new ZipfCorpus(20_000, 800, 1.0, 5).write(text);
        expected = PlainCounts.of(text);
    }

    private static JavaRDD<String> words(JavaSparkContext spark) {
        return WordCountJobs.words(spark.textFile(text.toUri().toString(), PARTITIONS));
    }

    @Test
    void everyWayOfCountingGivesThePlainJavaCounts(JavaSparkContext spark) {
        assertSameCounts(expected.words(), WordCountJobs.countWithCombiner(words(spark)));
        assertSameCounts(expected.words(), WordCountJobs.countWithoutCombiner(words(spark)));
        assertSameCounts(expected.characters(), WordCountJobs.countCharacters(words(spark)));
        WordCountJobs.Counts both = WordCountJobs.bothCounts(words(spark));
        assertSameCounts(expected.words(), both.words());
        assertSameCounts(expected.characters(), both.characters());
        assertEquals(20_000, expected.totalWords());
    }

    @Test
    void theListenerSeesTheShuffleAndTheInput(JavaSparkContext spark) throws Exception {
        JobMetrics metrics = new JobMetrics();
        spark.sc().addSparkListener(metrics);
        try {
            JobMetrics.Totals combined = metered(spark, metrics, "combined", 1,
                    () -> WordCountJobs.countWithCombiner(words(spark)));
            JobMetrics.Totals grouped = metered(spark, metrics, "grouped", 1,
                    () -> WordCountJobs.countWithoutCombiner(words(spark)));
            JobMetrics.Totals twice = metered(spark, metrics, "twice", 2, () -> {
                WordCountJobs.countWithCombiner(words(spark));
                return WordCountJobs.countCharacters(words(spark));
            });
            assertEquals(WordCountJobs.distinctWordsPerPartition(words(spark)), combined.shuffleWriteRecords());
            assertEquals(expected.totalWords(), grouped.shuffleWriteRecords());
            assertTrue(combined.shuffleWriteBytes() < grouped.shuffleWriteBytes(), combined + " vs " + grouped);
            assertEquals(1, combined.jobs());
            assertEquals(2, twice.jobs());
            assertTrue(combined.inputBytes() >= Files.size(text), combined.toString());
            assertEquals(2 * combined.inputBytes(), twice.inputBytes());
        } finally {
            spark.sc().removeSparkListener(metrics);
        }
    }

    @Test
    void theCommandRefusesToRunInsideARunningApplication(JavaSparkContext spark) {
        StringWriter err = new StringWriter();
        int code = SparkMain.run(spark, new PrintWriter(new StringWriter()), new PrintWriter(err), "basics",
                "mapreduce", "--size", "tiny");
        assertEquals(Main.BAD_USAGE, code, err.toString());
        assertTrue(err.toString().contains("compares local[1] with local[2]"), err.toString());
    }

    /** Equal maps, or a failure naming one key that differs (the maps have hundreds of keys). */
    private static void assertSameCounts(Map<String, Long> expected, Map<String, Long> actual) {
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            assertEquals(entry.getValue(), actual.get(entry.getKey()), "count of '" + entry.getKey() + "'");
        }
        assertEquals(expected.size(), actual.size(), "number of keys");
    }

    private static JobMetrics.Totals metered(JavaSparkContext spark, JobMetrics metrics, String name, int jobs,
            java.util.function.Supplier<Map<String, Long>> action) throws Exception {
        String group = "test-" + name;
        metrics.watch(group);
        spark.setJobGroup(group, name, false);
        try {
            action.get();
        } finally {
            spark.clearJobGroup();
        }
        return metrics.await(group, jobs);
    }
}
