package fasterjava.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
class LadderStepBenchmarkTest {

    @Test
    void everyCorrsetStepsBenchmarkComputesTheOraclesAnswer() {
        Scores scores = ScoresLoader.load(StandardData.SAMPLE.path());
        CorrsetResult expected = new Oracle(scores).firstCombinations(5, 40);
        for (Rung<CorrsetInput, CorrsetResult> rung : CorrsetSteps.all()) {
            LadderStepBenchmark benchmark = benchmark("corrset", rung.id(), 40);
            benchmark.setup();
            CorrsetResult result = (CorrsetResult) benchmark.compute();
            benchmark.close();
            assertEquals(40, result.size());
            assertTrue(result.firstMismatch(expected, 40).isEmpty(), rung.id() + ": " + result.firstMismatch(
                    expected, 40).orElse(""));
        }
    }

    @Test
    void theLadderSpecCarriesK() {
        LadderStepBenchmark benchmark = benchmark("corrset:k=3", "10", 30);
        benchmark.setup();
        CorrsetResult result = (CorrsetResult) benchmark.compute();
        benchmark.close();
        Scores scores = ScoresLoader.load(StandardData.SAMPLE.path());
        assertTrue(result.firstMismatch(new Oracle(scores).firstCombinations(3, 30), 30).isEmpty());
    }

    @Test
    void moreItemsThanTheDataOfferIsRefused() {
        LadderStepBenchmark benchmark = benchmark("corrset", "10", 15_505);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, benchmark::setup);
        assertTrue(error.getMessage().contains("1..15504"), error.getMessage());
    }

    @Test
    void theStepParamListsEveryRegisteredCorrsetStep() throws NoSuchFieldException {
        Param param = LadderStepBenchmark.class.getField("step").getAnnotation(Param.class);
        assertEquals(CorrsetSteps.all().stream().map(Rung::id).toList(), List.copyOf(Arrays.asList(param.value())));
    }

    private static LadderStepBenchmark benchmark(String ladder, String step, int items) {
        LadderStepBenchmark benchmark = new LadderStepBenchmark();
        benchmark.ladder = ladder;
        benchmark.step = step;
        benchmark.size = "tiny";
        benchmark.items = items;
        return benchmark;
    }
}
