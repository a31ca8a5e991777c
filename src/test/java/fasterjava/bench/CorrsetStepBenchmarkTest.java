package fasterjava.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.Oracle;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.StandardData;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.corrset.steps.CorrsetSteps;
import fasterjava.ladder.Rung;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** The JMH benchmark, run once per step on tiny data, must compute what the oracle computes. */
class CorrsetStepBenchmarkTest {

    @Test
    void everyStepsBenchmarkComputesTheOraclesAnswer() {
        Scores scores = ScoresLoader.load(StandardData.SAMPLE.path());
        CorrsetResult expected = new Oracle(scores).firstCombinations(5, 40);
        for (Rung<CorrsetInput, CorrsetResult> rung : CorrsetSteps.all()) {
            CorrsetStepBenchmark benchmark = new CorrsetStepBenchmark();
            benchmark.step = rung.id();
            benchmark.scale = "tiny";
            benchmark.items = 40;
            benchmark.k = 5;
            benchmark.setup();
            CorrsetResult result = benchmark.compute();
            assertEquals(40, result.size());
            assertTrue(result.firstMismatch(expected, 40).isEmpty(), rung.id() + ": " + result.firstMismatch(
                    expected, 40).orElse(""));
        }
    }

    @Test
    void theStepParamListsEveryRegisteredStep() throws NoSuchFieldException {
        Param param = CorrsetStepBenchmark.class.getField("step").getAnnotation(Param.class);
        assertEquals(CorrsetSteps.all().stream().map(Rung::id).toList(), List.copyOf(Arrays.asList(param.value())));
    }
}
