package fasterjava.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.cli.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faster vitals features} end to end, in-process: exit codes, stdout, stderr and files. */
class VitalsCliTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void featuresOfAFileEqualTheOracleWithEveryStep(@TempDir Path dir) throws IOException {
        Path data = VitalsTestData.edgeFile("string-ids");
        VitalsFeatures expected = VitalsOracle.features(VitalsTestData.edge("string-ids"));
        for (String step : List.of("default", "01", "05", "07", "08")) {
            Path out = dir.resolve("features-" + step + ".csv");
            CliRun run = step.equals("default") ? run("vitals", "features", "--data", data.toString(), "--out",
                    out.toString()) : run("vitals", "features", "--data", data.toString(), "--out", out.toString(),
                    "--step", step);
            assertEquals(0, run.code(), run.err());
            assertTrue(run.err().contains("wrote " + out + ": 7 patients, 140 rows"), run.err());
            assertEquals(Optional.empty(), FeaturesCsv.read(out).firstMismatch(expected, 7), step);
        }
        CliRun threaded = run("vitals", "features", "--data", data.toString(), "--out", dir.resolve("t.csv").toString(),
                "--step", "07", "--threads", "1");
        assertEquals(0, threaded.code(), threaded.err());
    }

    @Test
    void badFileGivesOneLineExitOneAndNoOutputFile(@TempDir Path dir) {
        Path bad = VitalsTestData.resource("fixtures/vitals/bad/duplicate-patient-day.csv");
        Path out = dir.resolve("features.csv");
        CliRun run = run("vitals", "features", "--data", bad.toString(), "--out", out.toString());
        assertEquals(Main.BAD_INPUT, run.code());
        assertEquals(List.of("faster: " + bad + ": line 5, field \"day\": patient \"p1\" already has day 0 (line 2)"),
                run.err().lines().toList());
        assertTrue(run.out().isEmpty(), run.out());
        assertFalse(Files.exists(out), "no output file");
    }

    @Test
    void unwritableOutputIsAnErrorWithTheFile(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "");
        Path out = notADirectory.resolve("features.csv");
        CliRun run = run("vitals", "features", "--data", VitalsTestData.edgeFile("two-days").toString(), "--out",
                out.toString());
        assertEquals(Main.BAD_INPUT, run.code());
        assertEquals(List.of("faster: cannot write " + out + ": a path component is not a directory"),
                run.err().lines().toList());
        CliRun generated = run("vitals", "features", "--generate", "3", "--days", "2", "--out", out.toString());
        assertEquals(Main.BAD_INPUT, generated.code());
        assertTrue(generated.err().contains("faster: cannot write " + out + ": "), generated.err());
    }

    @Test
    void generateStreamsAndPrintsOneJsonObject(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("generated.csv");
        CliRun run = run("vitals", "features", "--generate", "30", "--days", "20", "--seed", "3", "--json", "--out",
                out.toString(), "--threads", "2");
        assertEquals(0, run.code(), run.err());
        assertEquals(1, run.out().lines().count(), run.out());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(List.of("patients", "rows", "seconds", "generate_cpu_seconds", "features_cpu_seconds",
                "peak_heap_mb", "checksum"), iterable(json.fieldNames()));
        assertEquals(30, json.get("patients").asInt());
        assertEquals(600, json.get("rows").asLong());
        assertEquals(VitalsFeatures.header().subList(1, 49), iterable(json.get("checksum").fieldNames()));
        VitalsFeatures written = FeaturesCsv.read(out);
        assertEquals(30, written.patientCount());
        assertEquals(FeatureChecksum.of(written).get("heart_rate_mean"),
                json.get("checksum").get("heart_rate_mean").asDouble());
        assertTrue(json.get("checksum").get("heart_rate_n_anomalies").isIntegralNumber(), run.out());
        CliRun text = run("vitals", "features", "--generate", "5", "--days", "3");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("5 patients, 15 rows in "), text.out());
    }

    @Test
    void misuseIsAUsageError(@TempDir Path dir) {
        String data = VitalsTestData.edgeFile("two-days").toString();
        String out = dir.resolve("o.csv").toString();
        List<List<String>> misuses = List.of(
                List.of("--data", data),
                List.of("--data", data, "--generate", "5"),
                List.of("--data", data, "--out", out, "--json"),
                List.of("--data", data, "--out", out, "--step", "05", "--threads", "2"),
                List.of("--data", data, "--out", out, "--step", "42"),
                List.of("--generate", "0"),
                List.of("--generate", "5", "--step", "05"),
                List.of("--generate", "5", "--threads", "0"),
                List.of("--generate", "5", "--seed", "-1"),
                List.of("--generate", "5", "--days", "0"));
        for (List<String> misuse : misuses) {
            CliRun run = run(Stream.concat(Stream.of("vitals", "features"), misuse.stream()).toArray(String[]::new));
            assertEquals(Main.BAD_USAGE, run.code(), misuse + ": " + run.err());
            assertFalse(Files.exists(Path.of(out)), misuse.toString());
        }
    }

    @Test
    void aFailingStandardOutputIsAnError() {
        PrintWriter broken = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        StringWriter err = new StringWriter();
        int code = Main.run(broken, new PrintWriter(err), "vitals", "features", "--generate", "2", "--days", "2",
                "--json");
        assertEquals(Main.BAD_INPUT, code);
        assertTrue(err.toString().contains("cannot write to standard output"), err.toString());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
