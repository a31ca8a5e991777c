package fasterjava.vitals.steps;

import fasterjava.ladder.Rung;
import fasterjava.ladder.Step;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** The vitals ladder's steps, in order. Every {@code StepNN*} class in this package must be listed here. */
public final class VitalsSteps {
    private static final List<Rung<VitalsTable, VitalsFeatures>> ALL = List.of(
            new Rung<>("01", "naive-loop", "Tablesaw: filter the whole table per patient, then loop",
                    Step01NaiveLoop::new),
            new Rung<>("02", "group-by", "Tablesaw: group by patient, summarize, then per group", Step02GroupBy::new),
            new Rung<>("03", "column-arrays", "Primitive column arrays, one pass per statistic",
                    Step03ColumnArrays::new),
            new Rung<>("04", "fused-pass", "One fused pass per patient and vital", Step04FusedPass::new),
            new Rung<>("05", "fixed-point", "Fixed point: shorts and exact integer sums", Step05FixedPoint::new),
            new Rung<>("06", "vector-api", "Vector API: exact sums a vector at a time", Step06VectorApi::new),
            new Rung<>("07", "threads", "All cores: batches of patients on a work-stealing pool", Step07Threads::new),
            new Rung<>("08", "streaming", "Streaming: blocks converted on the fly, memory bounded",
                    Step08Streaming::new));

    /**
     * The step a user's file is featurized with unless another is chosen: the fastest end to end (prepare plus
     * compute) measured here — step 07 is faster once prepared, but its preparation, a converted copy of the data
     * on one thread, costs more than step 08 spends converting on every core.
     */
    public static final String FASTEST = "08";

    /** The steps that spread their work over threads, by id, made for a given number of threads. */
    private static final Map<String, IntFunction<Step<VitalsTable, VitalsFeatures>>> THREADED = Map.of(
            "07-threads", Step07Threads::new,
            "08-streaming", Step08Streaming::new);

    private VitalsSteps() {
    }

    /** Whether the step spreads its work over threads, and so takes a number of them. */
    public static boolean usesThreads(Rung<VitalsTable, VitalsFeatures> rung) {
        return THREADED.containsKey(rung.id());
    }

    /** A new instance of the step, on {@code threads} threads if it {@link #usesThreads uses threads}. */
    public static Step<VitalsTable, VitalsFeatures> create(Rung<VitalsTable, VitalsFeatures> rung, int threads) {
        IntFunction<Step<VitalsTable, VitalsFeatures>> threaded = THREADED.get(rung.id());
        return threaded != null ? threaded.apply(threads) : rung.create();
    }

    public static List<Rung<VitalsTable, VitalsFeatures>> all() {
        return ALL;
    }
}
