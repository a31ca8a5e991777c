package fasterjava.bench;

import fasterjava.corrset.Corrset;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.CorrsetScale;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.steps.CorrsetSteps;
import fasterjava.ladder.Step;
import fasterjava.ladder.StepSelection;
import fasterjava.ladder.VerificationException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every k-corrset step under JMH: one benchmark, {@code @Param} over the steps (the same {@code NN-slug} ids as
 * the ladder). One operation computes the first {@code items} combinations, so the score divided by
 * {@code items} is the time per combination ({@code bin/faster bench} does that division and picks {@code items}
 * per step so an operation lasts about a tenth of a second).
 *
 * <p>Setup loads the scale's data set, prepares the step (untimed, like the ladder) and verifies it against the
 * baseline on the first combinations before a single measurement is taken. The result is returned, so JMH
 * consumes it and the JIT cannot drop the work as dead code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CorrsetStepBenchmark {
    /** Combinations the baseline computes to verify each step in setup. */
    static final int VERIFY_ITEMS = 10;

    @Param({"01-tablesaw-baseline", "02-user-sets", "03-score-map", "04-grand-totals-corrcoef", "05-int-ids",
            "06-bool-arrays", "07-dense-matrix", "08-custom-corrcoef", "09-bitsets", "10-fused-loop", "11-vector-api",
            "12-threads", "13-prefix-reuse", "14-inverted-last-level", "15-pair-table", "16-dense-last-level"})
    public String step;

    @Param({"small"})
    public String scale;

    @Param({"1000"})
    public int items;

    @Param({"5"})
    public int k;

    private Step<CorrsetInput, CorrsetResult> prepared;

    @Setup(Level.Trial)
    public void setup() {
        Scores scores = Corrset.load(CorrsetScale.parse(scale), System.err::println);
        CorrsetInput input = new CorrsetInput(scores, k);
        if (items < 1 || items > input.combinationLimit()) {
            throw new IllegalArgumentException("items must be in 1.." + input.combinationLimit() + ", got " + items);
        }
        prepared = StepSelection.find(step, CorrsetSteps.all()).create();
        prepared.prepare(input);
        Step<CorrsetInput, CorrsetResult> baseline = CorrsetSteps.all().get(0).create();
        baseline.prepare(input);
        int verify = Math.min(VERIFY_ITEMS, items);
        prepared.compute(verify).firstMismatch(baseline.compute(verify), verify).ifPresent(m -> {
            throw new VerificationException(step + " differs from the baseline: " + m);
        });
    }

    @Benchmark
    public CorrsetResult compute() {
        return prepared.compute(items);
    }
}
