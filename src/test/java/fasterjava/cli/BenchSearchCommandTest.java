package fasterjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corrset bench-search} on tiny generated shapes: one row per shape and kernel, the kernels agreeing. */
class BenchSearchCommandTest {
    @Test
    void everyKernelFindsTheSameBestSetOnEveryShape(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("corrset", "bench-search", "--shapes", "12x3,12x4", "--users", "2000", "--min-users",
                "2", "--threads", "2", "--runs", "2", "--same-jvm", "--data-dir", dir.toString());
        assertEquals(0, run.code(), run.err());
        List<String> rows = Arrays.stream(run.out().split("\n")).filter(line -> line.startsWith("12x"))
                .collect(Collectors.toList());
        assertEquals(6, rows.size(), run.out());
        assertTrue(run.out().startsWith(fasterjava.ladder.Machine.describe()), run.out());
        for (String shape : List.of("12x3 ", "12x4 ")) {
            List<String> answers = rows.stream().filter(row -> row.startsWith(shape))
                    .map(row -> row.substring(row.lastIndexOf("  ") + 2)).distinct().collect(Collectors.toList());
            assertEquals(1, answers.size(), "kernels disagree on " + shape + ": " + run.out());
            assertTrue(answers.get(0).startsWith("["), "a best set on " + shape + ": " + run.out());
        }
        assertTrue(rows.get(0).contains(" 220 "), "C(12,3) = 220 sets: " + rows.get(0));
        assertTrue(Files.isRegularFile(dir.resolve("scores-2000x12x200-seed42.json")));
    }

    @Test
    void impossibleShapesAndKernelsAreUsageErrors(@TempDir Path dir) {
        for (String[] bad : List.of(new String[] {"--shapes", "12x13"}, new String[] {"--shapes", "twelve"},
                new String[] {"--kernels", "fastest"}, new String[] {"--runs", "0"})) {
            String[] args = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("corrset", "bench-search", "--same-jvm", "--users", "50", "--data-dir",
                            dir.toString()), Arrays.stream(bad)).toArray(String[]::new);
            CliRun run = CliRun.of(args);
            assertEquals(Main.BAD_USAGE, run.code(), String.join(" ", bad) + ": " + run.err());
            assertTrue(run.err().contains(bad[0]), run.err());
        }
    }
}
