package fasterjava.corrset.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.Oracle;
import fasterjava.corrset.TestData;
import fasterjava.corrset.data.Scores;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Step 01, the reference every other step is verified against, must itself equal the oracle. */
class BaselineTest {

    private static CorrsetResult baseline(Scores scores, int k, int items) {
        Step01TablesawBaseline step = new Step01TablesawBaseline();
        step.prepare(new CorrsetInput(scores, k));
        return step.compute(items);
    }

    private static void assertEqualsOracle(Scores scores, int k, String label) {
        int items = Math.min(300, Combinations.count(scores.questionCount(), k).intValueExact());
        CorrsetResult expected = new Oracle(scores).firstCombinations(k, items);
        Optional<String> mismatch = baseline(scores, k, items).firstMismatch(expected, items);
        assertTrue(mismatch.isEmpty(), label + " K=" + k + ": " + mismatch.orElse(""));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void equalsTheOracleOnRandomData(long seed, @TempDir Path dir) {
        Scores scores = TestData.random(dir, seed, 30 + (int) seed * 7, 6 + (int) seed, 0.6, (int) seed);
        for (int k = 1; k <= scores.questionCount(); k++) {
            assertEqualsOracle(scores, k, "seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no-common-user", "single-user", "zero-variance", "ties"})
    void equalsTheOracleOnEdgeCases(String fixture) {
        Scores scores = TestData.edge(fixture);
        for (int k = 1; k <= scores.questionCount(); k++) {
            assertEqualsOracle(scores, k, fixture);
        }
    }

    @Test
    void undefinedCasesAreNaNWithTheRightUserCount() {
        Scores none = TestData.edge("no-common-user");
        CorrsetResult pairs = baseline(none, 2, 6);
        for (int i = 0; i < 6; i++) {
            assertTrue(Double.isNaN(pairs.r()[i]), "no set has two common users");
            assertTrue(pairs.n()[i] <= 1);
        }
        CorrsetResult single = baseline(TestData.edge("single-user"), 4, 1);
        assertTrue(Double.isNaN(single.r()[0]));
        assertEquals(1, single.n()[0]);
        // q1,q2 give every user x = 2: zero variance on the x side.
        CorrsetResult constant = baseline(TestData.edge("zero-variance"), 2, 1);
        assertTrue(Double.isNaN(constant.r()[0]));
        assertEquals(3, constant.n()[0]);
    }
}
