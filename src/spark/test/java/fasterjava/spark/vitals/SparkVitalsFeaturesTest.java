package fasterjava.spark.vitals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.cli.Main;
import fasterjava.spark.SharedSpark;
import fasterjava.spark.SparkMain;
import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faster spark vitals features} on the spec's edge cases (one fixture file per edge), against
 * {@link VitalsOracle} and against values worked by hand; bad input, one fixture per kind, fails with one line
 * naming the file and the field, and leaves no output.
 */
@ExtendWith(SharedSpark.class)
class SparkVitalsFeaturesTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Path fixture(String name) {
        return ProjectPaths.root().resolve("src/spark/test/resources/vitals").resolve(name);
    }

    private Run features(JavaSparkContext spark, Path data, Path out) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = SparkMain.run(spark, new PrintWriter(stdout), new PrintWriter(stderr), "vitals", "features",
                "--data", data.toString(), "--out", out.toString());
        return new Run(code, stdout.toString(), stderr.toString());
    }

    private Path computed(JavaSparkContext spark, Path data) {
        Path out = dir.resolve(data.getFileName() + ".out");
        Run run = features(spark, data, out);
        assertEquals(0, run.code(), run.err());
        Path csv = out.resolve(SparkVitalsFeatures.OUTPUT_FILE);
        assertTrue(run.out().contains(csv.toString()), run.out());
        return csv;
    }

    @Test
    void everyEdgeCaseEqualsTheOracle(JavaSparkContext spark) throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(fixture("edge"))) {
            fixtures = files.sorted().toList();
        }
        assertEquals(7, fixtures.size(), fixtures.toString());
        for (Path data : fixtures) {
            Path csv = computed(spark, data);
            assertEquals(SparkVitalsFeatures.outputColumns(), VitalsOracle.header(csv));
            assertEquals(49, VitalsOracle.header(csv).size());
            assertNull(VitalsOracle.difference(VitalsOracle.of(List.of(data)), VitalsOracle.read(csv),
                    SparkVitalsFeatures.outputColumns()), data.getFileName().toString());
        }
    }

    @Test
    void aFoldersFilesAreReadInNameOrder(JavaSparkContext spark) throws IOException {
        Path csv = computed(spark, fixture("folder"));
        List<VitalsOracle.Features> actual = VitalsOracle.read(csv);
        assertEquals(List.of("9", "8", "10"), actual.stream().map(VitalsOracle.Features::patient).toList());
        assertNull(VitalsOracle.difference(VitalsOracle.of(List.of(fixture("folder/part-1.csv"),
                fixture("folder/part-2.csv"))), actual, SparkVitalsFeatures.outputColumns()));
    }

    /** Worked by hand: days 0 and 2, so every trend is half the difference of the two values. */
    @Test
    void twoDaysByHand(JavaSparkContext spark) throws IOException {
        VitalsOracle.Features patient = only(computed(spark, fixture("edge/two-days.csv")));
        assertEquals("0", patient.patient());
        double r2 = Math.sqrt(2);
        assertFeatures(patient, 0, 72, 2 * r2, 70, 74, 4, 2.0, 0, 0);
        assertFeatures(patient, 1, 119, r2, 118, 120, 2, -1.0, 0, 0);
        assertFeatures(patient, 2, 81, r2, 80, 82, 2, 1.0, 0, 0);
        assertFeatures(patient, 3, 98.7, 0.1 * r2, 98.6, 98.8, 0.2, 0.1, 0, 0);
        assertFeatures(patient, 4, 96.5, r2 / 2, 96, 97, 1, -0.5, 0, 0);
        assertFeatures(patient, 5, 17, r2, 16, 18, 2, 1.0, 0, 0);
    }

    /** One value: std NaN, trend 0.0; a vital never measured: NaN statistics, 0 anomalies, all missing. */
    @Test
    void oneDayAndAVitalAllMissingByHand(JavaSparkContext spark) throws IOException {
        VitalsOracle.Features one = only(computed(spark, fixture("edge/one-day.csv")));
        assertFeatures(one, 0, 72.5, NAN, 72.5, 72.5, 0, 0.0, 0, 0);
        assertFeatures(one, 5, 15, NAN, 15, 15, 0, 0.0, 0, 0);
        VitalsOracle.Features missing = only(computed(spark, fixture("edge/vital-all-missing.csv")));
        assertFeatures(missing, 0, NAN, NAN, NAN, NAN, NAN, NAN, 0, 1.0);
        assertFeatures(missing, 3, 98.65, Math.sqrt(0.005), 98.6, 98.7, 0.1, 0.1, 0, 1.0 / 3);
    }

    @Test
    void badInputIsOneLineNamingTheFileAndField(JavaSparkContext spark) {
        expectBadInput(spark, "missing-column.csv", "the header is not the spec's");
        expectBadInput(spark, "extra-column.csv", "the header is not the spec's");
        expectBadInput(spark, "short-row.csv", "a row does not have the header's 8 fields");
        expectBadInput(spark, "non-numeric.csv", "row 2, field \"systolic_bp\": the value is not a decimal number");
        expectBadInput(spark, "nan-value.csv", "row 2, field \"heart_rate\": the value is not a decimal number");
        expectBadInput(spark, "negative-day.csv", "row 2, field \"day\": the day is not a non-negative integer");
        expectBadInput(spark, "non-integer-day.csv", "row 2, field \"day\": the day is not a non-negative integer");
        expectBadInput(spark, "duplicate-day.csv", "field \"day\": patient 0 has day 0 2 times");
        expectBadInput(spark, "empty-id.csv", "row 1, field \"patient_id\": the patient id is empty");
        expectBadInput(spark, "header-only.csv", "no data rows");
        expectBadInput(spark, "empty.csv", "no data rows");
    }

    @Test
    void aMissingInputAndAnExistingOutputAreRefused(JavaSparkContext spark) throws IOException {
        Run missing = features(spark, dir.resolve("no-such.csv"), dir.resolve("out"));
        assertEquals(Main.BAD_INPUT, missing.code(), missing.err());
        assertTrue(missing.err().contains("no-such.csv: no such file or folder"), missing.err());
        Path existing = Files.createDirectory(dir.resolve("existing"));
        Run refused = features(spark, fixture("edge/one-day.csv"), existing);
        assertEquals(Main.BAD_USAGE, refused.code(), refused.err());
        assertTrue(refused.err().contains("already exists"), refused.err());
    }

    private void expectBadInput(JavaSparkContext spark, String name, String message) {
        Path out = dir.resolve(name + ".out");
        Run run = features(spark, fixture("bad/" + name), out);
        assertEquals(Main.BAD_INPUT, run.code(), name + ": " + run.err());
        List<String> lines = run.err().lines().filter(line -> line.startsWith("faster: ")).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.getFirst().contains(name) && lines.getFirst().contains(message),
                "expected '" + message + "' about " + name + " in: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(out.resolve(SparkVitalsFeatures.OUTPUT_FILE)), name + " left output behind");
        assertEquals("", run.out());
    }

    private static VitalsOracle.Features only(Path csv) throws IOException {
        List<VitalsOracle.Features> rows = VitalsOracle.read(csv);
        assertEquals(1, rows.size());
        return rows.getFirst();
    }

    private static void assertFeatures(VitalsOracle.Features patient, int vital, double... expected) {
        double[] actual = new double[VitalsOracle.FEATURES];
        System.arraycopy(patient.values(), vital * VitalsOracle.FEATURES, actual, 0, actual.length);
        assertArrayEquals(expected, actual, 1e-9, "vital " + vital);
    }
}
