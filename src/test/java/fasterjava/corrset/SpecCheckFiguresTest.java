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
        assertEquals(275.210939378333, sum, 1e-9);
        assertEquals(0.5562477098779303, result.r()[0], 1e-12);
        assertEquals(0.17882872730310787, result.r()[1], 1e-12);
        assertEquals(0.5607676822069563, result.r()[2], 1e-12);
        assertEquals(17, result.n()[0]);
        assertEquals(19, result.n()[1]);
        assertEquals(14, result.n()[2]);

        Oracle oracle = new Oracle(scores);
        assertEquals(0, result.firstMismatch(oracle.firstCombinations(5, 50), 50).map(m -> 1).orElse(0));
    }
}
