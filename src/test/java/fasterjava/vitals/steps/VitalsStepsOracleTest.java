package fasterjava.vitals.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import fasterjava.ladder.Rung;
import fasterjava.ladder.Step;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsOracle;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.VitalsTestData;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered step must give the oracle's features on every case: the spec's data at the case study's 500
 * patients, the named edge-case fixtures and seeded random tables (the seed is in the case's name). Each step
 * computes every small case three times (all patients, fewer, all again), since the ladder computes a prepared
 * step many times.
 */
class VitalsStepsOracleTest {
    private static final int RANDOM_CASES = 12;
    /** The case study's size. */
    private static final int GENERATED_PATIENTS = 500;

    private record Case(String name, VitalsTable table) {
        @Override
        public String toString() {
            return name + " (" + table.patientCount() + " patients, " + table.rowCount() + " rows)";
        }
    }

    private static final List<Case> CASES = new ArrayList<>();
    private static final Map<Case, VitalsFeatures> EXPECTED = new HashMap<>();

    @BeforeAll
    static void buildCases() {
        for (String name : VitalsTestData.EDGE_FIXTURES) {
            CASES.add(new Case(name, VitalsTestData.edge(name)));
        }
        CASES.add(new Case("generated, seed 42", VitalsLoader.table(VitalsGenerator.generate(GENERATED_PATIENTS,
                VitalsGenerator.DEFAULT_DAYS, VitalsGenerator.DEFAULT_SEED))));
        Random seeds = new Random(20251130);
        for (int i = 0; i < RANDOM_CASES; i++) {
            long seed = seeds.nextLong();
            CASES.add(new Case("random seed=" + seed, randomTable(seed)));
        }
        for (Case c : CASES) {
            EXPECTED.put(c, VitalsOracle.features(c.table()));
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyStepEqualsTheOracle() {
        return VitalsSteps.all().stream().map(rung -> DynamicContainer.dynamicContainer(rung.id(),
                CASES.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(rung, c)))));
    }

    private static void check(Rung<VitalsTable, VitalsFeatures> rung, Case c) {
        Step<VitalsTable, VitalsFeatures> step = rung.create();
        step.prepare(c.table());
        int all = c.table().patientCount();
        // All patients, fewer, all again: a step must not carry state from one call into the next. The large
        // generated case is computed once (its fewer-patient run would add nothing the fixtures do not cover).
        int[] runs = all >= GENERATED_PATIENTS ? new int[] {all} : new int[] {all, Math.max(1, all / 2), all};
        for (int items : runs) {
            VitalsFeatures actual = step.compute(items);
            String where = rung.id() + " on " + c + ", " + items + " patients";
            assertEquals(items, actual.patientCount(), where + ": result size");
            actual.firstMismatch(EXPECTED.get(c), items).ifPresent(m -> fail(where + ": " + m));
        }
    }

    /**
     * Patients with ragged, shuffled series in the spirit of the spec's data: 1–2 decimals, about 5% missing, some
     * vitals of some patients all missing, a few integer-only and constant series, rows in random order.
     */
    static VitalsTable randomTable(long seed) {
        Random random = new Random(seed);
        int patients = 1 + random.nextInt(40);
        List<int[]> keys = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        double[] centre = {72, 120, 80, 98.6, 97, 16};
        double[] spread = {12, 15, 10, 0.5, 2, 4};
        int[] decimals = {1, 1, 1, 2, 1, 0};
        for (int p = 0; p < patients; p++) {
            int days = 1 + random.nextInt(random.nextBoolean() ? 400 : 12);
            int first = random.nextInt(30);
            double missing = random.nextInt(4) == 0 ? 0.5 : 0.05;
            int constant = random.nextInt(10) == 0 ? random.nextInt(6) : -1;
            int absent = random.nextInt(8) == 0 ? random.nextInt(6) : -1;
            for (int d = 0; d < days; d++) {
                if (random.nextDouble() < 0.1) {
                    continue;
                }
                double[] values = new double[6];
                for (int v = 0; v < 6; v++) {
                    double scale = Math.pow(10, decimals[v]);
                    double value = v == constant ? centre[v] : centre[v] + spread[v] * random.nextGaussian();
                    values[v] = Math.rint(value * scale) / scale;
                    if (v == absent || random.nextDouble() < missing) {
                        values[v] = Double.NaN;
                    }
                }
                keys.add(new int[] {p, first + d});
                rows.add(values);
            }
        }
        if (rows.isEmpty()) {
            keys.add(new int[] {0, 0});
            rows.add(new double[] {72.5, 120, 80, 98.6, 97, 16});
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        List<String> ids = new ArrayList<>();
        Map<Integer, Integer> index = new HashMap<>();
        int n = rows.size();
        int[] patientOfRow = new int[n];
        int[] dayOfRow = new int[n];
        double[][] values = new double[6][n];
        for (int r = 0; r < n; r++) {
            int source = order.get(r);
            int patient = keys.get(source)[0];
            Integer known = index.get(patient);
            if (known == null) {
                known = ids.size();
                index.put(patient, known);
                ids.add("patient-" + patient);
            }
            patientOfRow[r] = known;
            dayOfRow[r] = keys.get(source)[1];
            for (Vital vital : Vital.values()) {
                values[vital.ordinal()][r] = rows.get(source)[vital.ordinal()];
            }
        }
        return new VitalsTable("random seed " + seed, List.copyOf(ids), patientOfRow, dayOfRow, values);
    }
}
