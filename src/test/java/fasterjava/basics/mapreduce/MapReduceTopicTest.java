package fasterjava.basics.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.basics.Size;
import fasterjava.basics.TopicReport;
import fasterjava.basics.TopicResults;
import fasterjava.basics.Topics;
import fasterjava.ladder.VerificationException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core side of the MapReduce topic: it runs the Spark side as a child process (here a shell script standing in
 * for {@code bin/faster-spark}, replaying a run recorded from the real one), forwards its messages, builds the
 * report from its JSON, and fails with one line when the child cannot run. The Spark module's
 * {@code MapReduceTopicProcessTest} runs the topic against the real Spark side.
 */
class MapReduceTopicTest {
    private static final Path RECORDED = Path.of("src/test/resources/fixtures/basics/mapreduce-run-recorded.json");

    @TempDir
    Path dir;

    @Test
    void isTopicTenOfTheRegistry() {
        assertEquals("10-mapreduce", Topics.find("mapreduce").id());
        assertEquals("10-mapreduce", Topics.find("10").id());
    }

    @Test
    void forwardsTheChildsMessagesAndBuildsTheReportFromItsJson() throws Exception {
        List<String> log = new ArrayList<>();
        TopicReport report = topic("echo \"verified: something ($*)\" >&2; cat '" + RECORDED.toAbsolutePath() + "'")
                .run(Size.TINY, log::add);
        assertEquals(List.of("verified: something (--size tiny --json)"), log);
        assertEquals("mapreduce", report.slug());
        assertEquals(Variant.values().length, report.table().rows().size());
        assertEquals(2, report.charts().size());
        MapReduceRun run = MapReduceRun.fromJson(Files.readString(RECORDED));
        String combiner = report.findings().getFirst();
        assertTrue(combiner.contains(String.format(java.util.Locale.ROOT, "%,d records",
                run.of(Variant.REDUCE_BY_KEY).shuffleWriteRecords())), combiner);
        assertTrue(combiner.contains(String.format(java.util.Locale.ROOT, "%.1fx",
                (double) run.of(Variant.GROUP_BY_KEY).shuffleWriteBytes()
                        / run.of(Variant.REDUCE_BY_KEY).shuffleWriteBytes())), combiner);
        assertTrue(report.context().contains("Spark 4.2.0") && report.context().contains("5,000,000 words"),
                report.context());
        List<Path> files = TopicResults.write(report, dir);
        assertEquals(3, files.size());
        assertTrue(Files.size(dir.resolve("basics-mapreduce.png")) > 10_000);
        assertTrue(Files.readString(dir.resolve("basics-mapreduce.csv")).startsWith("question,variant,master"));
    }

    @Test
    void aChildThatFailsIsOneClearLine() {
        UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> topic(
                "echo 'Maven output' >&2; echo \"faster: the Spark module's build failed (Maven output above).\" >&2;"
                        + " exit 1").run(Size.TINY, line -> { }));
        String message = failed.getMessage() + ": " + failed.getCause().getMessage();
        assertTrue(message.startsWith("the Spark module could not be built or run: "), message);
        assertTrue(message.endsWith("exited with 1: faster: the Spark module's build failed (Maven output above)."),
                message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void aChildThatFailsVerificationFailsVerification() {
        VerificationException failed = assertThrows(VerificationException.class, () -> topic(
                "echo 'faster: groupByKey: the word counts differ' >&2; exit 3").run(Size.TINY, line -> { }));
        assertTrue(failed.getMessage().endsWith("groupByKey: the word counts differ"), failed.getMessage());
    }

    @Test
    void aMissingLauncherIsOneClearLine() {
        Path missing = dir.resolve("no-such-faster-spark");
        UncheckedIOException failed = assertThrows(UncheckedIOException.class,
                () -> new MapReduceTopic(() -> List.of(missing.toString())).run(Size.TINY, line -> { }));
        assertTrue(failed.getMessage().contains("cannot start"), failed.getMessage());
        assertTrue(failed.getCause().getMessage().startsWith(missing.toString()), failed.getCause().getMessage());
    }

    @Test
    void outputThatIsNotARunIsRefused() {
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class,
                () -> topic("echo 'not json'").run(Size.TINY, line -> { }));
        assertTrue(failed.getMessage().startsWith("not a MapReduce run"), failed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> topic("true").run(Size.TINY, line -> { }));
    }

    @Test
    void theRunsJsonRoundTrips() throws Exception {
        MapReduceRun run = MapReduceRun.fromJson(Files.readString(RECORDED));
        assertEquals(run, MapReduceRun.fromJson(run.toJson()));
        assertEquals(Variant.values().length, run.measurements().size());
    }

    @Test
    void theEcosystemTableMarksOnlySparkAsMeasured() {
        var table = MapReduceReport.ecosystem();
        assertEquals(List.of("", "Apache Spark", "Apache Flink", "Apache Beam", "Hazelcast"), table.header());
        for (List<String> row : table.rows()) {
            for (String cell : row.subList(2, row.size())) {
                assertTrue(cell.endsWith("not measured here"), cell);
            }
        }
        assertTrue(table.rows().stream().anyMatch(row -> row.get(1).contains("measured here")
                && !row.get(1).contains("not measured")));
    }

    /** The topic with a shell script in place of bin/faster-spark; the topic's arguments become $1, $2, ... */
    private static MapReduceTopic topic(String script) {
        return new MapReduceTopic(() -> List.of("/bin/sh", "-c", script, "faster-spark"));
    }
}
