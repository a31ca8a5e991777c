package fasterjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process: exit codes, stdout, stderr and files. */
class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void generateWritesTheSpecFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sample.json");
        Run run = run("generate", "scores", "--users", "6000", "--questions", "20", "--per-mille", "200",
                "--seed", "42", "--out", file.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("17a1af641fa5d7a54993c390f44d4401",
                HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file))));
        assertTrue(run.err().contains("24,000 rows"), run.err());
    }

    @Test
    void generateRejectsAnImpossibleShapeAndWritesNothing(@TempDir Path dir) {
        Path file = dir.resolve("never.json");
        Run run = run("generate", "scores", "--users", "0", "--out", file.toString());
        assertEquals(Main.BAD_USAGE, run.code());
        assertTrue(run.err().contains("--users must be at least 1"), run.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void badDataFailsWithOneLineAndNoOutputFile(@TempDir Path dir) throws IOException {
        Path bad = TestData.resource("fixtures/bad/negative-score.csv");
        Path out = dir.resolve("results");
        Run run = run("corrset", "ladder", "--data", bad.toString(), "--out", out.toString());
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
        for (String k : List.of("0", "5", "-1")) {
            Run run = run("corrset", "ladder", "--data", data.toString(), "--k", k, "--out", dir.toString());
            assertEquals(Main.BAD_USAGE, run.code(), run.err());
            assertTrue(run.err().contains("K must be between 1 and the number of questions (4), got " + k),
                    run.err());
        }
    }

    @Test
    void unknownScaleOrStepIsAUsageError(@TempDir Path dir) {
        Run scale = run("corrset", "ladder", "--scale", "huge", "--out", dir.toString());
        assertEquals(Main.BAD_USAGE, scale.code());
        assertTrue(scale.err().contains("unknown scale 'huge'"), scale.err());
        Run step = run("corrset", "ladder", "--scale", "tiny", "--steps", "99", "--out", dir.toString());
        assertEquals(Main.BAD_USAGE, step.code());
        assertTrue(step.err().contains("no step '99'"), step.err());
    }

    @Test
    void ladderOnTinyDataPrintsTheTableAndWritesResults(@TempDir Path dir) throws IOException {
        Run run = run("corrset", "ladder", "--scale", "tiny", "--steps", "01", "--out", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("01-tablesaw-baseline"), run.out());
        assertTrue(run.out().contains("Measured on"), run.out());
        assertTrue(run.err().contains("reference: its first 100 combinations"), run.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("corrset-ladder.csv", "corrset-ladder.md", "corrset-ladder.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> csv = Files.readAllLines(dir.resolve("corrset-ladder.csv"));
        assertEquals(2, csv.size());
        assertTrue(csv.get(1).startsWith("01-tablesaw-baseline,"), csv.get(1));
        assertTrue(Files.size(dir.resolve("corrset-ladder.png")) > 10_000);
    }
}
