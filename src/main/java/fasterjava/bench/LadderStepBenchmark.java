package fasterjava.bench;

import fasterjava.journeys.Journeys;
import fasterjava.ladder.Journey;
import fasterjava.ladder.Ladder;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Every step of any ladder under JMH: one benchmark, {@code @Param} over the ladder (a journey spec such as
 * {@code corrset} or {@code corrset:k=4}) and its steps (the same {@code NN-slug} ids as the ladder). The default
 * step values are the k-corrset steps; {@code bin/faster bench --ladder vitals} passes the vitals steps. One
 * operation computes the first {@code items} work items, so the score divided by {@code items} is the time per
 * item ({@code bin/faster bench} does that division and picks {@code items} per step so an operation lasts about a
 * tenth of a second).
 *
 * <p>Setup loads the size's data set, prepares the step (untimed, like the ladder) and verifies it against the
 * baseline on the first items before a single measurement is taken. The result is returned, so JMH consumes it
 * and the JIT cannot drop the work as dead code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LadderStepBenchmark {
    /** Items the baseline computes to verify each step in setup. */
    static final int VERIFY_ITEMS = 10;

    @Param({"corrset"})
    public String ladder;

    @Param({"01-tablesaw-baseline", "02-user-sets", "03-score-map", "04-grand-totals-corrcoef", "05-int-ids",
            "06-bool-arrays", "07-dense-matrix", "08-custom-corrcoef", "09-bitsets", "10-fused-loop", "11-vector-api",
            "12-threads", "13-prefix-reuse", "14-inverted-last-level", "15-pair-table", "16-dense-last-level"})
    public String step;

    @Param({"small"})
    public String size;

    @Param({"1000"})
    public int items;

    private Step<?, ?> prepared;

    @Setup(Level.Trial)
    public void setup() {
        prepared = prepare(Journeys.find(ladder));
    }

    private <D, R> Step<D, R> prepare(Journey<D, R> journey) {
        D data = journey.open(size, System.err::println);
        Ladder<D, R> steps = journey.ladder();
        int available = steps.availableItems(data);
        if (items < 1 || items > available) {
            throw new IllegalArgumentException("items must be in 1.." + available + ", got " + items);
        }
        Step<D, R> candidate = StepSelection.find(step, steps.rungs()).create();
        candidate.prepare(data);
        int verify = Math.min(VERIFY_ITEMS, items);
        try (Step<D, R> baseline = steps.rungs().get(0).create()) {
            baseline.prepare(data);
            steps.mismatch(baseline.compute(verify), candidate.compute(verify), verify).ifPresent(m -> {
                throw new VerificationException(step + " differs from the baseline: " + m);
            });
        }
        return candidate;
    }

    @Benchmark
    public Object compute() {
        return prepared.compute(items);
    }

    @TearDown(Level.Trial)
    public void close() {
        prepared.close();
    }
}
