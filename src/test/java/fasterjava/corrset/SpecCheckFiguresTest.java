package fasterjava.corrset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.corrset.data.StandardData;
import fasterjava.corrset.steps.Step01TablesawBaseline;
import org.junit.jupiter.api.Test;

/**
 * The spec's check figures on the full seed-42 data set: the baseline's first 1,000 combinations. Slow on purpose
 * (the DataFrame baseline takes minutes for 1,000 combinations); generates the 259 MB data set if missing.
 */
class SpecCheckFiguresTest {

    @Test
    void baselineReproducesTheFirstThousandCombinations() {
        Scores scores = ScoresLoader.load(StandardData.FULL.ensure(System.err::println));
        Step01TablesawBaseline step = new Step01TablesawBaseline();
        step.prepare(new CorrsetInput(scores, 5));
        CorrsetResult result = step.compute(1000);

        assertEquals(0, result.undefinedCount(), "none of the first 1,000 is undefined");
        double sum = 0;
        for (double r : result.r()) {
            sum += r;
        }
        assertEquals(SpecCheckFigures.SUM_OF_FIRST_1000, sum, SpecCheckFigures.SUM_TOLERANCE);
        for (int i = 0; i < 3; i++) {
            assertEquals(SpecCheckFigures.FIRST_R[i], result.r()[i], CorrsetResult.TOLERANCE);
            assertEquals(SpecCheckFigures.FIRST_N[i], result.n()[i]);
        }

        Oracle oracle = new Oracle(scores);
        assertEquals(0, result.firstMismatch(oracle.firstCombinations(5, 50), 50).map(m -> 1).orElse(0));
    }
}
