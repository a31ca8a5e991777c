package fasterjava.spark.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.basics.Size;
import fasterjava.basics.TopicReport;
import fasterjava.basics.mapreduce.MapReduceTopic;
import fasterjava.basics.mapreduce.Variant;
import fasterjava.spark.SparkMain;
import fasterjava.util.ProjectPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The basics topic end to end at tiny: the core's {@link MapReduceTopic} starts the Spark side in a JVM of its own
 * (the way bin/faster-spark starts it, from this build's class path), the Spark side checks every variant and
 * measures it, and the topic builds its report from the JSON. The slowest test of the module (two Spark contexts).
 */
class MapReduceTopicProcessTest {
    @Test
    void tinyRunsEveryVariantChecked() {
        Path root = ProjectPaths.root();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + root.resolve("src/spark/jvm.options"), "--add-modules=jdk.incubator.vector",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx1g",
                "-Dlog4j2.configurationFile=classpath:fasterjava/spark/log4j2.properties", "-Dfaster.root=" + root,
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                SparkMain.class.getName(), "basics", "mapreduce");
        List<String> log = new ArrayList<>();
        TopicReport report = new MapReduceTopic(() -> command).run(Size.TINY, log::add);
        assertEquals(Variant.values().length, report.table().rows().size());
        List<String> verified = log.stream().filter(line -> line.startsWith("verified: ")).toList();
        // One per Spark variant (plain Java is the oracle itself), and the shuffle-records check.
        assertEquals(Variant.values().length - 1 + 1, verified.size(), String.join("\n", log));
        assertTrue(verified.stream().anyMatch(line -> line.contains("shuffle records")), verified.toString());
        assertTrue(report.findings().getFirst().startsWith("A combiner shrank the shuffle"), report.findings()
                .toString());
        assertTrue(report.context().contains("size tiny"), report.context());
    }
}
