package fasterjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.corrset.TestData;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.corrset.search.ScoredSet;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.util.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process: exit codes, stdout, stderr and files. */
class CliTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void generateWritesTheSpecFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sample.json");
        CliRun run = run("generate", "scores", "--users", "6000", "--questions", "20", "--per-mille", "200",
                "--seed", "42", "--out", file.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("17a1af641fa5d7a54993c390f44d4401",
                HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file))));
        assertTrue(run.err().contains("24,000 rows"), run.err());
    }

    @Test
    void generateRejectsAnImpossibleShapeAndWritesNothing(@TempDir Path dir) {
        Path file = dir.resolve("never.json");
        CliRun run = run("generate", "scores", "--users", "0", "--out", file.toString());
        assertEquals(Main.BAD_USAGE, run.code());
        assertTrue(run.err().contains("the number of users must be at least 1"), run.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void badDataFailsWithOneLineAndNoOutputFile(@TempDir Path dir) throws IOException {
        Path bad = TestData.resource("fixtures/bad/negative-score.csv");
        Path out = dir.resolve("results");
        CliRun run = run("corrset", "ladder", "--data", bad.toString(), "--out", out.toString());
        assertEquals(Main.BAD_INPUT, run.code());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("faster:")).count(), run.err());
        assertTrue(run.err().contains("negative-score.csv: row 2 (line 3), field \"score\": negative score -3"),
                run.err());
        assertTrue(run.out().isEmpty(), run.out());
        assertFalse(Files.exists(out), "no partial output");
    }

    @Test
    void impossibleKIsAUsageError(@TempDir Path dir) {
        Path data = TestData.resource("fixtures/edge/ties.csv");
        CliRun tooLarge = run("corrset", "ladder", "--data", data.toString(), "--k", "5", "--out", dir.toString());
        assertEquals(Main.BAD_USAGE, tooLarge.code(), tooLarge.err());
        assertTrue(tooLarge.err().contains("K must be between 1 and the number of questions (4), got 5"),
                tooLarge.err());
        for (String k : List.of("0", "-1")) {
            // Refused before the data is read: the file does not even exist.
            CliRun run = run("corrset", "ladder", "--data", dir.resolve("missing.csv").toString(), "--k", k,
                    "--out", dir.toString());
            assertEquals(Main.BAD_USAGE, run.code(), run.err());
            assertTrue(run.err().contains("--k must be at least 1, got " + k), run.err());
        }
    }

    @Test
    void unknownScaleOrStepIsAUsageError(@TempDir Path dir) {
        CliRun scale = run("corrset", "ladder", "--scale", "huge", "--out", dir.toString());
        assertEquals(Main.BAD_USAGE, scale.code());
        assertTrue(scale.err().contains("unknown scale 'huge'"), scale.err());
        CliRun step = run("corrset", "ladder", "--scale", "tiny", "--steps", "99", "--out", dir.toString());
        assertEquals(Main.BAD_USAGE, step.code());
        assertTrue(step.err().contains("no step '99'"), step.err());
    }

    @Test
    void ladderOnTinyDataPrintsTheTableAndWritesResults(@TempDir Path dir) throws IOException {
        CliRun run = run("corrset", "ladder", "--scale", "tiny", "--steps", "01", "--out", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("01-tablesaw-baseline"), run.out());
        assertTrue(run.out().contains("Measured on"), run.out());
        assertTrue(run.err().contains("reference: 01-tablesaw-baseline's first 100 combinations"), run.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("corrset-ladder.csv", "corrset-ladder.md", "corrset-ladder.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> csv = Files.readAllLines(dir.resolve("corrset-ladder.csv"));
        assertEquals(2, csv.size());
        assertTrue(csv.get(1).startsWith("01-tablesaw-baseline,"), csv.get(1));
        assertTrue(Files.size(dir.resolve("corrset-ladder.png")) > 10_000);
    }

    @Test
    void bestJsonIsOneObjectWithTheReferenceEnginesAnswer() throws Exception {
        Path data = TestData.resource("fixtures/edge/ties.csv");
        // --exhaustive: without it the search may stop once r = 1 is proven best, and how many sets it examined
        // before stopping depends on thread timing.
        CliRun run = run("corrset", "best", "--data", data.toString(), "--k", "3", "--top", "2", "--json",
                "--exhaustive");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, run.out().strip().lines().count(), "exactly one line of JSON: " + run.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("k", "indices", "questions", "r", "n", "combinations", "undefined", "seconds", "top"),
                keys);

        Scores scores = ScoresLoader.load(data);
        SearchResult expected = Searches.reference().run(new SearchRequest(scores, 3, 2, 2, 1), Progress.NONE);
        ScoredSet best = expected.best().get(0);
        assertEquals(3, json.get("k").asInt());
        assertEquals(Arrays.toString(best.indices()), json.get("indices").toString().replace(",", ", "));
        assertEquals(scores.questionId(best.indices()[0]), json.get("questions").get(0).asText());
        assertEquals(best.r(), json.get("r").asDouble(), 0.0);
        assertEquals(best.n(), json.get("n").asInt());
        assertEquals(expected.combinations(), json.get("combinations").asLong());
        assertEquals(expected.undefined(), json.get("undefined").asLong());
        assertEquals(2, json.get("top").size());
        assertEquals(Arrays.toString(expected.best().get(1).indices()),
                json.get("top").get(1).get("indices").toString().replace(",", ", "));
    }

    @Test
    void bestBreaksTiesToTheSmallestTuple() throws Exception {
        // q2 and q4 (indices 1 and 3) of the ties fixture both reach r = 2/√6 exactly.
        CliRun run = run("corrset", "best", "--data", TestData.resource("fixtures/edge/ties.csv").toString(), "--k",
                "1", "--top", "2", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("[1]", json.get("indices").toString());
        assertEquals("q2", json.get("questions").get(0).asText());
        assertEquals("[3]", json.get("top").get(1).get("indices").toString());
        assertEquals(2 / Math.sqrt(6), json.get("r").asDouble(), 1e-15);
    }

    @Test
    void bestStopsEarlyOnlyWithTheSameAnswer() throws Exception {
        Path data = TestData.resource("fixtures/edge/ties.csv");
        CliRun early = run("corrset", "best", "--data", data.toString(), "--k", "3", "--top", "2", "--json");
        CliRun full = run("corrset", "best", "--data", data.toString(), "--k", "3", "--top", "2", "--json",
                "--exhaustive");
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(full.out()).get("top"), mapper.readTree(early.out()).get("top"));
        assertTrue(mapper.readTree(early.out()).get("combinations").asLong()
                <= mapper.readTree(full.out()).get("combinations").asLong());
    }

    @Test
    void bestWithoutTopPrintsNoTopListAndNullWhenNothingQualifies() throws Exception {
        Path data = TestData.resource("fixtures/edge/no-common-user.csv");
        CliRun run = run("corrset", "best", "--data", data.toString(), "--k", "2", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("r").isNull());
        assertEquals(0, json.get("indices").size());
        assertFalse(json.has("top"));
        assertEquals(6, json.get("combinations").asLong());
        assertEquals(6, json.get("undefined").asLong());
    }

    @Test
    void bestRejectsImpossibleOptions() {
        Path data = TestData.resource("fixtures/edge/ties.csv");
        assertEquals(Main.BAD_USAGE, run("corrset", "best", "--data", data.toString(), "--k", "9").code());
        CliRun minUsers = run("corrset", "best", "--data", data.toString(), "--k", "2", "--min-users", "1");
        assertEquals(Main.BAD_USAGE, minUsers.code());
        assertTrue(minUsers.err().contains("--min-users must be at least 2"), minUsers.err());
        assertEquals(Main.BAD_USAGE, run("corrset", "best", "--data", data.toString(), "--k", "2", "--top", "0")
                .code());
        assertEquals(Main.BAD_USAGE, run("corrset", "best", "--data", data.toString(), "--k", "2", "--threads", "0")
                .code());
    }

    @Test
    void reproduceRunsTheLadderAndTheSearchAndWritesResults(@TempDir Path dir) throws IOException {
        CliRun run = run("reproduce", "--scale", "tiny", "--streamed-patients", "30", "--out", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("16-dense-last-level"), run.out());
        assertTrue(run.out().contains("Best set of 5 with at least 2 users"), run.out());
        JsonNode searches = new ObjectMapper().readTree(dir.resolve("corrset-best.json").toFile());
        assertEquals(2, searches.size());
        assertEquals(1.0, searches.get(0).get("r").asDouble(), 0.0, "r = 1 sets exist with 2 users");
        assertEquals(10, searches.get(1).get("min_users").asInt());
        assertTrue(Files.size(dir.resolve("corrset-ladder.png")) > 10_000);
        assertTrue(run.out().contains("08-streaming"), run.out());
        assertTrue(Files.size(dir.resolve("vitals-ladder.png")) > 10_000);
        JsonNode streamed = new ObjectMapper().readTree(dir.resolve("vitals-streamed.json").toFile());
        assertEquals(30, streamed.get("patients").asInt());
        assertEquals(30 * 365, streamed.get("rows").asLong());
    }

    @Test
    void benchRunsJmhOnOneStepAndWritesItsCsv(@TempDir Path dir) throws IOException {
        CliRun run = run("bench", "--scale", "tiny", "--steps", "10", "--warmup", "0", "--iterations", "1",
                "--iteration-seconds", "0.2", "--op-seconds", "0.01", "--out", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("10-fused-loop"), run.out());
        List<String> csv = Files.readAllLines(dir.resolve("corrset-jmh.csv"));
        assertEquals(2, csv.size(), csv.toString());
        String[] row = csv.get(1).split(",");
        assertEquals("10-fused-loop", row[0]);
        assertTrue(Integer.parseInt(row[1]) >= 1, "combinations per operation");
        assertTrue(Double.parseDouble(row[4]) > 0, "ns per combination");
    }

    @Test
    void benchRunsAnyLadder(@TempDir Path dir) throws IOException {
        CliRun run = run("bench", "--ladder", "vitals", "--scale", "tiny", "--steps", "04", "--warmup", "0",
                "--iterations", "1", "--iteration-seconds", "0.2", "--op-seconds", "0.01", "--out", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("JMH, time per patient"), run.out());
        List<String> csv = Files.readAllLines(dir.resolve("vitals-jmh.csv"));
        assertEquals("step,items_per_op,ns_per_op,error_ns_per_op,ns_per_patient,error_ns_per_patient", csv.get(0));
        assertTrue(csv.get(1).startsWith("04-fused-pass,"), csv.toString());
    }

    @Test
    void vitalsLadderRunsOnGeneratedPatientsAndRefusesBadSizes(@TempDir Path dir) throws IOException {
        CliRun run = run("vitals", "ladder", "--patients", "40", "--scale", "tiny", "--steps", "01,04,08", "--out",
                dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("verified: 08-streaming equals the baseline on the first 40 patients"),
                run.err());
        assertTrue(run.out().contains("40 patients, 14,600 rows"), run.out());
        assertTrue(Files.size(dir.resolve("vitals-ladder.png")) > 10_000);
        assertEquals(Main.BAD_USAGE, run("vitals", "ladder", "--patients", "0", "--out", dir.toString()).code());
        assertEquals(Main.BAD_USAGE, run("vitals", "ladder", "--scale", "huge", "--out", dir.toString()).code());
        assertEquals(Main.BAD_USAGE, run("vitals", "profile", "--step", "99", "--patients", "5").code());
    }

    @Test
    void benchRejectsImpossibleOptions(@TempDir Path dir) {
        assertEquals(Main.BAD_USAGE, run("bench", "--scale", "tiny", "--warmup", "-1", "--out", dir.toString()).code());
        assertEquals(Main.BAD_USAGE, run("bench", "--scale", "tiny", "--steps", "99", "--out", dir.toString()).code());
        for (String duration : new String[] {"0", "-1", "NaN", "Infinity"}) {
            assertEquals(Main.BAD_USAGE, run("bench", "--scale", "tiny", "--op-seconds", duration, "--out",
                    dir.toString()).code(), "--op-seconds " + duration);
            assertEquals(Main.BAD_USAGE, run("bench", "--scale", "tiny", "--iteration-seconds", duration, "--out",
                    dir.toString()).code(), "--iteration-seconds " + duration);
        }
        assertEquals(Main.BAD_USAGE, run("bench", "--ladder", "nope", "--scale", "tiny", "--out",
                dir.toString()).code());
        assertEquals(Main.BAD_USAGE, run("bench", "--scale", "huge", "--out", dir.toString()).code());
        CliRun kElsewhere = run("bench", "--ladder", "squares", "--k", "3", "--out", dir.toString());
        assertEquals(Main.BAD_USAGE, kElsewhere.code());
        assertTrue(kElsewhere.err().startsWith("faster: "), kElsewhere.err());
        assertFalse(Files.exists(dir.resolve("corrset-jmh.csv")), "no output after a usage error");
    }

    @Test
    void profileRejectsImpossibleDurations() {
        for (String duration : new String[] {"0", "-1", "NaN", "Infinity"}) {
            CliRun run = run("corrset", "profile", "--step", "10", "--scale", "tiny", "--seconds", duration);
            assertEquals(Main.BAD_USAGE, run.code(), "--seconds " + duration + ": " + run.err());
        }
    }
}
