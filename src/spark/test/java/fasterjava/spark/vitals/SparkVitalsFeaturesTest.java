package fasterjava.spark.vitals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.cli.Main;
import fasterjava.spark.SharedSpark;
import fasterjava.spark.SparkMain;
import fasterjava.ladder.Step;
import fasterjava.util.ProjectPaths;
import fasterjava.vitals.Feature;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.data.VitalsCsv;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import fasterjava.vitals.steps.VitalsSteps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faster spark vitals features} against the single-machine pipeline: on the project's edge-case fixtures
 * ({@code src/test/resources/fixtures/vitals/edge}, shared with the ladder's tests) it equals step 01's features,
 * on the spec's generated data the default step's, on a folder of files what step 01 makes of them joined in name
 * order, all within the spec's tolerance; on three tiny files it equals values worked by hand. Each of the
 * single-machine loader's bad-input fixtures fails with one line naming the file and the field, and leaves no
 * output.
 */
@ExtendWith(SharedSpark.class)
class SparkVitalsFeaturesTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** A fixture of this module's tests. */
    static Path fixture(String name) {
        return ProjectPaths.root().resolve("src/spark/test/resources/vitals").resolve(name);
    }

    /** A fixture shared with the single-machine pipeline's tests. */
    static Path shared(String name) {
        return ProjectPaths.root().resolve("src/test/resources/fixtures/vitals").resolve(name);
    }

    private Run features(JavaSparkContext spark, Path data, Path out) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = SparkMain.run(spark, new PrintWriter(stdout), new PrintWriter(stderr), "vitals", "features",
                "--data", data.toString(), "--out", out.toString());
        return new Run(code, stdout.toString(), stderr.toString());
    }

    private Path computed(JavaSparkContext spark, Path data) throws IOException {
        Path out = dir.resolve(data.getFileName() + ".out");
        Run run = features(spark, data, out);
        assertEquals(0, run.code(), run.err());
        Path csv = out.resolve(SparkVitalsFeatures.OUTPUT_FILE);
        assertTrue(run.out().contains(csv.toString()), run.out());
        assertEquals(VitalsFeatures.header(), FeaturesFile.header(csv));
        return csv;
    }

    /** Step 01, the ladder's baseline, on a table. */
    private static VitalsFeatures singleMachine(VitalsTable table) {
        Step<VitalsTable, VitalsFeatures> baseline = VitalsSteps.all().getFirst().create();
        baseline.prepare(table);
        return baseline.compute(table.patientCount());
    }

    private static void assertAgree(VitalsFeatures expected, VitalsFeatures actual, String what) {
        assertEquals(expected.patientCount(), actual.patientCount(), what);
        assertEquals(Optional.empty(), actual.firstMismatch(expected, expected.patientCount()), what);
    }

    @Test
    void everyEdgeCaseEqualsTheSingleMachineFeatures(JavaSparkContext spark) throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(shared("edge"))) {
            fixtures = files.sorted().toList();
        }
        assertTrue(fixtures.size() >= 7, fixtures.toString());
        for (Path data : fixtures) {
            assertAgree(singleMachine(VitalsLoader.load(data)), FeaturesFile.read(computed(spark, data)),
                    data.getFileName().toString());
        }
    }

    /**
     * The spec's generated data (seed 42; 100 patients keep the test short) against the step a user's file gets by
     * default.
     */
    @Test
    void generatedPatientsEqualTheDefaultStep(JavaSparkContext spark) throws IOException {
        Path data = dir.resolve("vitals-100.csv");
        VitalsCsv.write(VitalsGenerator.generate(100, VitalsGenerator.DEFAULT_DAYS, VitalsGenerator.DEFAULT_SEED),
                data);
        VitalsTable table = VitalsLoader.load(data);
        Step<VitalsTable, VitalsFeatures> fastest = VitalsSteps.create(VitalsSteps.all().stream()
                .filter(rung -> rung.number().equals(VitalsSteps.FASTEST)).findFirst().orElseThrow(), 2);
        fastest.prepare(table);
        assertAgree(fastest.compute(table.patientCount()), FeaturesFile.read(computed(spark, data)), "generated");
    }

    /** A folder's files in name order: the same as one file holding them one after the other. */
    @Test
    void aFolderIsItsFilesInNameOrder(JavaSparkContext spark) throws IOException {
        VitalsFeatures actual = FeaturesFile.read(computed(spark, fixture("folder")));
        assertEquals(List.of("9", "8", "10"), actual.patientIds());
        Path joined = dir.resolve("joined.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture("folder/part-1.csv")));
        lines.addAll(Files.readAllLines(fixture("folder/part-2.csv")).subList(1, 4));
        Files.write(joined, lines);
        assertAgree(singleMachine(VitalsLoader.load(joined)), actual, "folder");
    }

    /** Worked by hand: days 0 and 2, so every trend is half the difference of the two values. */
    @Test
    void twoDaysByHand(JavaSparkContext spark) throws IOException {
        VitalsFeatures patient = only(computed(spark, fixture("hand/two-days.csv")));
        assertEquals(List.of("0"), patient.patientIds());
        double r2 = Math.sqrt(2);
        assertFeatures(patient, Vital.HEART_RATE, 72, 2 * r2, 70, 74, 4, 2.0, 0, 0);
        assertFeatures(patient, Vital.SYSTOLIC_BP, 119, r2, 118, 120, 2, -1.0, 0, 0);
        assertFeatures(patient, Vital.DIASTOLIC_BP, 81, r2, 80, 82, 2, 1.0, 0, 0);
        assertFeatures(patient, Vital.TEMPERATURE, 98.7, 0.1 * r2, 98.6, 98.8, 0.2, 0.1, 0, 0);
        assertFeatures(patient, Vital.OXYGEN_SAT, 96.5, r2 / 2, 96, 97, 1, -0.5, 0, 0);
        assertFeatures(patient, Vital.RESPIRATORY_RATE, 17, r2, 16, 18, 2, 1.0, 0, 0);
    }

    /** One value: std NaN, trend 0.0; a vital never measured: NaN statistics, 0 anomalies, all missing. */
    @Test
    void oneDayAndAVitalAllMissingByHand(JavaSparkContext spark) throws IOException {
        VitalsFeatures one = only(computed(spark, fixture("hand/one-day.csv")));
        assertFeatures(one, Vital.HEART_RATE, 72.5, NAN, 72.5, 72.5, 0, 0.0, 0, 0);
        assertFeatures(one, Vital.RESPIRATORY_RATE, 15, NAN, 15, 15, 0, 0.0, 0, 0);
        VitalsFeatures missing = only(computed(spark, fixture("hand/vital-all-missing.csv")));
        assertFeatures(missing, Vital.HEART_RATE, NAN, NAN, NAN, NAN, NAN, NAN, 0, 1.0);
        assertFeatures(missing, Vital.TEMPERATURE, 98.65, Math.sqrt(0.005), 98.6, 98.7, 0.1, 0.1, 0, 1.0 / 3);
    }

    /** Every bad-input fixture of the single-machine loader, and what the Spark job says about it. */
    @Test
    void badInputIsOneLineNamingTheFileAndField(JavaSparkContext spark) throws IOException {
        String value = "the value is not a finite decimal number";
        String day = "field \"day\": the day is not a whole number from 0 to 2147483647";
        String fields = "a row does not have the header's 8 fields";
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("wrong-header.csv", "the header is not the spec's"),
                Map.entry("missing-column.csv", fields),
                Map.entry("extra-column.csv", fields),
                Map.entry("unclosed-quote.csv", fields),
                Map.entry("non-numeric-value.csv", "row 2, field \"systolic_bp\": " + value),
                Map.entry("nan-text.csv", "row 1, field \"heart_rate\": " + value),
                Map.entry("value-out-of-range.csv", "row 1, field \"oxygen_sat\": " + value),
                Map.entry("negative-day.csv", "row 2, " + day),
                Map.entry("non-integer-day.csv", "row 2, " + day),
                Map.entry("empty-day.csv", "row 1, " + day),
                Map.entry("day-too-large.csv", "row 1, " + day),
                Map.entry("duplicate-patient-day.csv", "field \"day\": patient p1 has day 0 2 times"),
                Map.entry("duplicate-far-day.csv", "field \"day\": patient p1 has day 100000 2 times"),
                Map.entry("empty-patient-id.csv", "row 1, field \"patient_id\": the patient id is empty"),
                Map.entry("header-only.csv", "no data rows"),
                Map.entry("empty-file.csv", "no data rows")));
        try (Stream<Path> files = Files.list(shared("bad"))) {
            assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(),
                    List.copyOf(expected.keySet()), "a bad-input fixture of the loader without a case here");
        }
        expected.forEach((name, message) -> expectBadInput(spark, shared("bad/" + name), message));
        expectBadInput(spark, fixture("bad/short-row.csv"), fields);
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

    private void expectBadInput(JavaSparkContext spark, Path data, String message) {
        String name = data.getFileName().toString();
        Path out = dir.resolve(name + ".out");
        Run run = features(spark, data, out);
        assertEquals(Main.BAD_INPUT, run.code(), name + ": " + run.err());
        List<String> lines = run.err().lines().filter(line -> line.startsWith("faster: ")).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.getFirst().contains(name) && lines.getFirst().contains(message),
                "expected '" + message + "' about " + name + " in: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(out.resolve(SparkVitalsFeatures.OUTPUT_FILE)), name + " left output behind");
        assertEquals("", run.out());
    }

    private static VitalsFeatures only(Path csv) throws IOException {
        VitalsFeatures rows = FeaturesFile.read(csv);
        assertEquals(1, rows.patientCount());
        return rows;
    }

    private static void assertFeatures(VitalsFeatures patient, Vital vital, double... expected) {
        double[] actual = new double[Feature.values().length];
        for (Feature feature : Feature.values()) {
            actual[feature.ordinal()] = patient.get(0, vital, feature);
        }
        assertArrayEquals(expected, actual, 1e-9, vital.column());
    }
}
