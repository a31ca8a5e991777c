package fasterjava.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code faster spark corrset best} against {@code faster corrset best}: the same JSON and text for the same
 * options, and clear errors for bad ones. Runs on the shared context ({@link SparkMain#run(JavaSparkContext,
 * PrintWriter, PrintWriter, String...)}); {@link SparkMainProcessTest} starts the real main in its own JVM.
 */
@ExtendWith(SharedSpark.class)
class SparkBestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    static Run spark(JavaSparkContext spark, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(spark, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run core(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonMatchesCorrsetBestExceptTheSeconds(JavaSparkContext spark) throws Exception {
        String[][] cases = {
            {"--scale", "tiny", "--k", "4", "--min-users", "10", "--top", "3", "--exhaustive"},
            {"--scale", "tiny", "--k", "3", "--min-users", "40", "--top", "1"},
            {"--data", TestScores.edgeFixture("no-common-user").toString(), "--k", "2", "--top", "2"},
        };
        for (String[] options : cases) {
            Run single = core(concat(new String[] {"corrset", "best", "--json"}, options));
            Run spread = spark(spark, concat(new String[] {"corrset", "best", "--json", "--partitions", "5"},
                    options));
            assertEquals(0, single.code(), single.err());
            assertEquals(0, spread.code(), spread.err());
            assertEquals(1, spread.out().strip().lines().count(), "one line of JSON: " + spread.out());
            ObjectNode expected = (ObjectNode) JSON.readTree(single.out());
            ObjectNode actual = (ObjectNode) JSON.readTree(spread.out());
            assertEquals(fieldNames(expected), fieldNames(actual), String.join(" ", options));
            assertTrue(actual.get("seconds").asDouble() > 0);
            expected.remove("seconds");
            actual.remove("seconds");
            assertEquals(expected, actual, String.join(" ", options));
        }
    }

    @Test
    void textNamesTheBestSetsAsCorrsetBestDoes(JavaSparkContext spark) {
        String[] options = {"--scale", "tiny", "--k", "3", "--top", "2", "--min-users", "10"};
        Run single = core(concat(new String[] {"corrset", "best"}, options));
        Run spread = spark(spark, concat(new String[] {"corrset", "best"}, options));
        assertEquals(0, spread.code(), spread.err());
        List<String> expected = single.out().lines().toList();
        List<String> actual = spread.out().lines().toList();
        // Every line but the last (timing and engine) is the same.
        assertEquals(expected.subList(0, expected.size() - 1), actual.subList(0, actual.size() - 1));
        assertTrue(actual.getLast().contains(SparkCorrsetSearch.NAME), actual.getLast());
        assertTrue(spread.err().contains("task(s)"), spread.err());
    }

    @Test
    void badOptionsAreUsageErrorsThatNameTheOption(JavaSparkContext spark) {
        String tiny = "--scale=tiny";
        expectUsageError(spark, "--partitions must be at least 1, got 0", "corrset", "best", tiny, "--partitions",
                "0");
        expectUsageError(spark, "--min-users must be at least 2", "corrset", "best", tiny, "--min-users", "1");
        expectUsageError(spark, "--top must be at least 1, got 0", "corrset", "best", tiny, "--top", "0");
        expectUsageError(spark, "--k must be between 1 and the number of questions (20), got 21", "corrset",
                "best", tiny, "--k", "21");
        expectUsageError(spark, "--threads: Spark sets the threads here", "corrset", "best", tiny, "--threads", "2");
        expectUsageError(spark, "--checkpoint: a Spark search keeps no checkpoint", "corrset", "best", tiny,
                "--checkpoint", "run.checkpoint");
        expectUsageError(spark, "Unknown options: '--steps', '01'", "corrset", "best", tiny, "--steps", "01");
        expectUsageError(spark, "--master local[3]: this JVM already runs Spark on " + SharedSpark.MASTER, "corrset",
                "best", tiny, "--master", "local[3]");
        expectUsageError(spark, "Invalid value for option '--partitions'", "corrset", "best", tiny, "--partitions",
                "many");
    }

    @Test
    void aMissingDataFileIsBadInput(JavaSparkContext spark) {
        Run run = spark(spark, "corrset", "best", "--data", Path.of("no-such-scores.csv").toString());
        assertEquals(Main.BAD_INPUT, run.code());
        assertTrue(run.err().contains("no-such-scores.csv") && run.err().contains("no such file"), run.err());
    }

    @Test
    void moreWorkUnitsThanPartitionsIsSaid(JavaSparkContext spark) {
        Run run = spark(spark, "corrset", "best", "--scale", "tiny", "--k", "2", "--partitions", "4", "--json");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("in 1 task(s) (the search has only 1 work unit)"), run.err());
    }

    private static void expectUsageError(JavaSparkContext spark, String message, String... args) {
        Run run = spark(spark, args);
        assertEquals(Main.BAD_USAGE, run.code(), String.join(" ", args) + ": " + run.err());
        assertTrue(run.err().contains(message), "expected '" + message + "' in: " + run.err());
        assertEquals("", run.out());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
