package fasterjava.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.cli.Main;
import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real main in a JVM of its own, started the way bin/faster spark starts it (its JVM options, its Log4j
 * configuration): it starts and stops its own Spark context, keeps stdout to the answer while Spark logs, and turns a
 * master Spark cannot parse into a usage error.
 */
class SparkMainProcessTest {
    @TempDir
    Path dir;

    record Exit(int code, String out, String err) {
    }

    @Test
    void stdoutIsOneLineOfJsonWhileSparkRuns() throws Exception {
        Exit exit = runMain("corrset", "best", "--scale", "tiny", "--k", "3", "--json", "--master", "local[2]");
        assertEquals(0, exit.code(), exit.err());
        List<String> lines = exit.out().strip().lines().toList();
        assertEquals(1, lines.size(), "stdout: " + exit.out());
        JsonNode json = new ObjectMapper().readTree(lines.getFirst());
        assertEquals(3, json.get("k").asInt());
        assertEquals(3, json.get("indices").size());
        assertTrue(exit.err().contains("spark 4.") && exit.err().contains("master local[2]"), exit.err());
    }

    @Test
    void aMasterSparkCannotParseIsAUsageError() throws Exception {
        Exit exit = runMain("corrset", "best", "--scale", "tiny", "--k", "2", "--master", "nowhere[9]");
        assertEquals(Main.BAD_USAGE, exit.code(), exit.err());
        assertTrue(exit.err().contains("faster: --master: Could not parse Master URL: 'nowhere[9]'"), exit.err());
        assertEquals("", exit.out());
    }

    private Exit runMain(String... args) throws IOException, InterruptedException {
        Path root = ProjectPaths.root();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "@" + root.resolve("src/spark/jvm.options"), "--add-modules=jdk.incubator.vector",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx1g",
                "-Dlog4j2.configurationFile=classpath:fasterjava/spark/log4j2.properties",
                "-Dfaster.root=" + root, "-cp", testClassPath(), SparkMain.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/faster spark did not finish in 3 minutes: " + Files.readString(err));
        }
        return new Exit(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Surefire names the test class path here; its own java.class.path may be a single manifest jar. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
