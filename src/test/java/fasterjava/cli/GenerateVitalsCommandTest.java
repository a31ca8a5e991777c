package fasterjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faster generate vitals} end to end, in-process. */
class GenerateVitalsCommandTest {

    @Test
    void writesTheSpecFileAndOneSummaryLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vitals.csv");
        CliRun run = CliTest.run("generate", "vitals", "--patients", "500", "--out", file.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("ce30830be8a976172291ef3fdb02bf0b",
                HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file))));
        assertTrue(run.err().contains("wrote " + file + ": 182,500 rows, 6,651,785 bytes in "), run.err());
        assertEquals(1, run.err().lines().filter(line -> line.startsWith("wrote ")).count(), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void daysAndSeedAreHonoured(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.csv");
        CliRun run = CliTest.run("generate", "vitals", "--patients", "3", "--days", "2", "--seed", "7",
                "--out", file.toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(7, lines.size());
        assertTrue(lines.get(6).startsWith("2,1,"), lines.get(6));
    }

    @Test
    void badValuesAreOneLineAndExitTwoWithoutOutput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("never.csv");
        String out = file.toString();
        List<List<String>> cases = List.of(
                List.of("--patients", "0", "--out", out),
                List.of("--patients", "-5", "--out", out),
                List.of("--patients", "10", "--days", "0", "--out", out),
                List.of("--patients", "10", "--seed", "-1", "--out", out),
                List.of("--patients", "10", "--seed", "4294967296", "--out", out),
                List.of("--patients", "ten", "--out", out),
                List.of("--patients", "10"));
        List<String> expected = List.of("--patients must be at least 1, got 0",
                "--patients must be at least 1, got -5", "--days must be at least 1, got 0",
                "--seed must be in 0..4294967295", "--seed must be in 0..4294967295", "'ten' is not an int",
                "Missing required option: '--out");
        for (int i = 0; i < cases.size(); i++) {
            String[] args = Stream.concat(Stream.of("generate", "vitals"), cases.get(i).stream())
                    .toArray(String[]::new);
            CliRun run = CliTest.run(args);
            assertEquals(Main.BAD_USAGE, run.code(), String.join(" ", args) + "\n" + run.err());
            assertTrue(run.err().contains(expected.get(i)), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
            assertFalse(Files.exists(file));
        }
        CliRun run = CliTest.run("generate", "vitals", "--patients", "0", "--out", out);
        assertEquals(List.of("faster: --patients must be at least 1, got 0"), run.err().lines().toList());
    }

    @Test
    void unwritableOutputExitsOneWithoutAPartialFile(@TempDir Path dir) throws IOException {
        Path plainFile = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = plainFile.resolve("vitals.csv");
        CliRun run = CliTest.run("generate", "vitals", "--patients", "10", "--out", file.toString());
        assertEquals(Main.BAD_INPUT, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("faster: cannot write " + file + ": "), run.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(plainFile), files.toList());
        }
    }
}
