package fasterjava.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.basics.track.Topics;
import fasterjava.cli.CliRun;
import fasterjava.cli.Main;
import fasterjava.util.TextTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code faster basics} end to end, in-process, at size tiny: the JSON a script reads and the files written. */
class BasicsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"growth", "collections", "strings", "anagrams", "simd"})
    void eachTopicRunsAtTinyAndPrintsOneJsonObject(String topic, @TempDir Path dir) throws Exception {
        CliRun run = run("basics", topic, "--size", "tiny", "--json", "--out", dir.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertEquals(topic, root.path("topic").asText());
        assertTrue(run.err().contains("verified: "), "no verified: line in " + run.err());
        JsonNode curves = root.path("curves");
        assertTrue(curves.isArray() && !curves.isEmpty(), topic + " has no curves");
        for (JsonNode curve : curves) {
            assertFalse(curve.path("name").asText().isEmpty());
            assertTrue(curve.path("exponent").isNumber() || curve.path("exponent").isNull(), curve.toString());
            JsonNode points = curve.path("points");
            assertTrue(points.isArray() && !points.isEmpty(), curve.toString());
            long previous = 0;
            for (JsonNode point : points) {
                assertEquals(2, point.size(), point.toString());
                assertTrue(point.get(0).asLong() > previous, "n ascending: " + points);
                assertTrue(point.get(1).asDouble() > 0, "seconds: " + point);
                previous = point.get(0).asLong();
            }
        }
        assertFalse(root.path("rows").isEmpty());
        for (String suffix : List.of(".csv", ".md", ".png")) {
            Path file = dir.resolve("basics-" + topic + suffix);
            assertTrue(Files.size(file) > 0, file + " missing or empty");
        }
        List<String> header = new ArrayList<>();
        root.path("header").forEach(cell -> header.add(TextTable.csvCell(cell.asText())));
        assertEquals(String.join(",", header), Files.readAllLines(dir.resolve("basics-" + topic + ".csv")).get(0));
    }

    @Test
    void stringsCurvesAreNamedAsDocumented(@TempDir Path dir) throws Exception {
        CliRun run = run("basics", "strings", "--size", "tiny", "--json", "--out", dir.toString());
        assertEquals(0, run.code(), run.err());
        List<String> names = JSON.readTree(run.out()).path("curves").findValuesAsText("name");
        assertTrue(names.containsAll(List.of("reduce-concat", "plus-equals", "string-builder", "string-join")),
                names.toString());
    }

    @Test
    void listNamesEveryTopicInOrder() {
        CliRun run = run("basics", "list");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(Topics.all().size(), lines.size());
        assertTrue(lines.get(0).startsWith("01  growth"), lines.get(0));
        assertTrue(lines.get(4).startsWith("05  simd"), lines.get(4));
    }

    @Test
    void anUnknownTopicOrSizeIsAUsageErrorOnOneLine(@TempDir Path dir) {
        CliRun unknown = run("basics", "nope", "--out", dir.toString());
        assertEquals(Main.BAD_USAGE, unknown.code());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("no basics topic 'nope'"), unknown.err());
        CliRun size = run("basics", "strings", "--size", "huge", "--out", dir.toString());
        assertEquals(Main.BAD_USAGE, size.code());
        assertTrue(size.err().contains("unknown size 'huge'"), size.err());
        assertTrue(unknown.out().isEmpty() && size.out().isEmpty());
    }
}
