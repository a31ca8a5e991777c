package fasterjava.corrset.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.Oracle;
import fasterjava.corrset.TestData;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresGenerator;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.ladder.Rung;
import fasterjava.ladder.Step;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered step must give the oracle's r and n on every case: the shared edge-case fixtures, fixtures
 * for what the fast steps do differently (bitset tails, empty words, near-zero r, large scores), and seeded random
 * data sets (the seed is in the case's name). Steps are run twice on each case, since the ladder computes a
 * prepared step many times and a step must not carry state from one call into the next.
 */
class CorrsetStepsOracleTest {
    private static final int RANDOM_CASES = 24;
    private static final int ITEMS_CAP = 120;
    private static final String NEAR_ZERO_R = "near-zero-r";

    /** A data set to run every step on, checking the first {@code items} K-combinations. */
    private record Case(String name, Scores scores, int k, int items) {
        /** Every K-combination, or the first {@link #ITEMS_CAP} of them. */
        static Case of(String name, Scores scores, int k) {
            BigInteger count = Combinations.count(scores.questionCount(), k);
            int items = count.compareTo(BigInteger.valueOf(ITEMS_CAP)) > 0 ? ITEMS_CAP : count.intValueExact();
            return new Case(name, scores, k, items);
        }

        @Override
        public String toString() {
            return name + " (K=" + k + ")";
        }
    }

    @TempDir
    static Path dir;

    private static final List<Case> CASES = new ArrayList<>();
    private static final Map<Case, CorrsetResult> EXPECTED = new HashMap<>();

    @BeforeAll
    static void buildCases() throws IOException {
        for (String name : TestData.EDGE_FIXTURES) {
            Scores scores = TestData.edge(name);
            for (int k = 1; k <= scores.questionCount(); k++) {
                CASES.add(Case.of(name, scores, k));
            }
        }
        CASES.addAll(stepFixtures());
        CASES.addAll(randomCases());
        for (Case c : CASES) {
            EXPECTED.put(c, new Oracle(c.scores()).firstCombinations(c.k(), c.items()));
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyStepEqualsTheOracle() {
        return CorrsetSteps.all().stream().map(rung -> DynamicContainer.dynamicContainer(rung.id(),
                CASES.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(rung, c)))));
    }

    private static void check(Rung<CorrsetInput, CorrsetResult> rung, Case c) {
        Step<CorrsetInput, CorrsetResult> step = rung.create();
        step.prepare(new CorrsetInput(c.scores(), c.k()));
        for (int run = 1; run <= 2; run++) {
            CorrsetResult actual = step.compute(c.items());
            String where = rung.id() + " on " + c + ", run " + run;
            assertEquals(c.items(), actual.size(), where + ": result size");
            actual.firstMismatch(EXPECTED.get(c), c.items()).ifPresent(m -> fail(where + ": " + m));
        }
    }

    private static List<Case> stepFixtures() throws IOException {
        List<Case> cases = new ArrayList<>();

        // One user answered everything, the others one question each: n = 1 among other users, undefined.
        List<String> single = new ArrayList<>(List.of("solo,q0,1", "solo,q1,0", "solo,q2,2", "solo,q3,1"));
        for (int q = 0; q < 4; q++) {
            single.add("only" + q + ",q" + q + "," + q % 2);
        }
        cases.add(Case.of("single-common-user", TestData.write(dir, "single-common-user.csv", single), 2));

        // Three identical questions with scores up to 3: many sets tie exactly, including at r = 1.
        List<String> ties = new ArrayList<>();
        int[][] pattern = {{1, 0, 2, 3}, {0, 1, 1, 0}, {2, 2, 0, 1}, {1, 1, 1, 1}, {3, 0, 0, 2}};
        for (int u = 0; u < pattern.length; u++) {
            for (int q = 0; q < 3; q++) {
                ties.add("u" + u + ",q" + q + "," + pattern[u][0]);
            }
            for (int q = 3; q < 6; q++) {
                ties.add("u" + u + ",q" + q + "," + pattern[u][q - 2]);
            }
        }
        Scores tied = TestData.write(dir, "ties-identical-questions.csv", ties);
        cases.add(Case.of("ties-identical-questions", tied, 2));
        cases.add(Case.of("ties-identical-questions", tied, 3));

        Scores six = TestData.random(dir, 606, 90, 6, 0.9, 3);
        cases.add(Case.of("k-equals-q (random seed 606)", six, 6));
        cases.add(Case.of("k-one (random seed 606)", six, 1));

        // User counts around word boundaries; the last user answers everything, so the last bit counts.
        for (int users : new int[] {1, 2, 63, 64, 65, 127, 129, 200}) {
            cases.add(Case.of("bitset-tail U=" + users, bitsetTail(users), 3));
        }

        // 3,000 users but only a sparse few answer: most 64-user words are empty in every question.
        cases.add(Case.of("empty-words", emptyWords(), 3));

        // 9,000 users (141 words): several of the vector steps' tiles, counted users in each and in the last word.
        cases.add(Case.of("many-tiles", manyTiles(), 3));

        cases.add(nearZeroR());

        // Large scores and ~250 users: the library steps' float error shows here first.
        cases.add(Case.of("large-scores (random seed 77)", TestData.random(dir, 77, 300, 6, 0.95, 1000), 2));

        Path generated = dir.resolve("generator-600x12.json");
        ScoresGenerator.write(new ScoresGenerator.Shape(600, 12, 400, 42), generated);
        cases.add(Case.of("generator 600x12 per-mille 400 seed 42", ScoresLoader.load(generated), 5));
        return cases;
    }

    private static Scores bitsetTail(int users) {
        Random random = new Random(users);
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int q = 0; q < 5; q++) {
                if (u == users - 1 || random.nextDouble() < 0.8) {
                    rows.add("u" + u + ",q" + q + "," + random.nextInt(4));
                }
            }
        }
        return TestData.write(dir, "bitset-tail-" + users + ".csv", rows);
    }

    private static Scores emptyWords() {
        Random random = new Random(3000);
        List<String> rows = new ArrayList<>();
        // Every user appears once (on q0) so the index spans all 3,000; few answer anything else.
        for (int u = 0; u < 3000; u++) {
            rows.add("u" + u + ",q0," + random.nextInt(3));
        }
        for (int q = 1; q < 6; q++) {
            for (int u = 0; u < 3000; u++) {
                boolean cluster = u >= 1500 && u < 1540;
                if (cluster ? random.nextDouble() < 0.9 : random.nextDouble() < 0.004) {
                    rows.add("u" + u + ",q" + q + "," + random.nextInt(3));
                }
            }
        }
        return TestData.write(dir, "empty-words.csv", rows);
    }

    private static Scores manyTiles() {
        Random random = new Random(9000);
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < 9000; u++) {
            // Every 97th user answers everything, so every 64-user word and every tile holds counted users.
            boolean everywhere = u % 97 == 0 || u == 8999;
            for (int q = 0; q < 5; q++) {
                if (everywhere || random.nextDouble() < 0.3) {
                    rows.add("u" + u + ",q" + q + "," + random.nextInt(4));
                }
            }
        }
        return TestData.write(dir, "many-tiles.csv", rows);
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
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < q0.length; u++) {
            rows.add("u" + u + ",q0," + q0[u]);
            rows.add("u" + u + ",q1," + q1[u]);
        }
        return Case.of(NEAR_ZERO_R, TestData.write(dir, NEAR_ZERO_R + ".csv", rows), 1);
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
            Scores scores = TestData.random(dir, seed, users, questions, density, maxScore);
            // Questions nobody answered are absent from the loaded data, so K is chosen from what is there.
            int present = scores.questionCount();
            int k = switch (i % 3) {
                case 0 -> 1;
                case 1 -> present;
                default -> 1 + shape.nextInt(present);
            };
            String name = "random seed=" + seed + " U=" + users + " Q=" + questions + " density="
                    + String.format("%.2f", density) + " maxScore=" + maxScore;
            cases.add(Case.of(name, scores, k));
        }
        return cases;
    }
}
