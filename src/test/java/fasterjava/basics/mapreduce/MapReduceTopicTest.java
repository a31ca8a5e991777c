package fasterjava.basics.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.basics.Size;
import fasterjava.basics.TopicReport;
import fasterjava.basics.TopicResults;
import fasterjava.basics.track.Topics;
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

    /** The engines' paragraph of the topic's prose: only Spark has anything measured or verified here. */
    @Test
    void theEcosystemProseMarksOnlySparkAsMeasured() throws Exception {
        String source = Files.readString(Path.of("src/main/java/fasterjava/basics/mapreduce/MapReduceTopic.java"));
        String paragraph = source.substring(source.indexOf("<p>The Java ecosystem"), source.indexOf("<p>What this"));
        String[] engines = paragraph.replaceAll("\\s*\\*\\s*", " ").split("(?=Apache Spark:|Apache Flink \\(|"
                + "Apache Beam \\(|Hazelcast \\()");
        assertEquals(5, engines.length, paragraph);
        assertTrue(engines[1].contains("measured here") && engines[1].contains("verified here"), engines[1]);
        for (String engine : List.of(engines[2], engines[3], engines[4])) {
            assertTrue(engine.strip().endsWith("not measured here."), engine);
            assertEquals(1, engine.split("measured here", -1).length - 1, engine);
        }
    }

    /** The topic with a shell script in place of bin/faster-spark; the topic's arguments become $1, $2, ... */
    private static MapReduceTopic topic(String script) {
        return new MapReduceTopic(() -> List.of("/bin/sh", "-c", script, "faster-spark"));
    }
}
