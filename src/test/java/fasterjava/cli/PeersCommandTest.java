package fasterjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faster vitals peers} and {@code corrset peers} where Python cannot run, and their usage errors. */
class PeersCommandTest {
    @Test
    void withoutPythonTheJavaRowsAreWrittenAndTheCommandSucceeds(@TempDir Path dir) throws Exception {
        String previous = System.setProperty("faster.python", dir.resolve("no-python").toString());
        try {
            CliRun run = CliRun.of("vitals", "peers", "--patients", "3", "--out", dir.toString());
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("Python rows skipped: no Python interpreter at " + dir.resolve(
                    "no-python")), run.out());
            assertTrue(run.out().contains("Java, measured here  01-naive-loop"), run.out());
            assertTrue(Files.readString(dir.resolve("vitals-peers.csv")).startsWith("kind,step,mirrors"));
            assertTrue(Files.isRegularFile(dir.resolve("vitals-peers.png")));
        } finally {
            if (previous == null) {
                System.clearProperty("faster.python");
            } else {
                System.setProperty("faster.python", previous);
            }
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun patients = CliRun.of("vitals", "peers", "--patients", "0");
        assertEquals(Main.BAD_USAGE, patients.code());
        assertTrue(patients.err().contains("--patients must be at least 1, got 0"), patients.err());
        CliRun scale = CliRun.of("corrset", "peers", "--scale", "huge");
        assertEquals(Main.BAD_USAGE, scale.code());
        assertTrue(scale.err().contains("unknown size 'huge'"), scale.err());
    }
}
