package fasterjava.vitals.steps;

import fasterjava.ladder.Rung;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import java.util.List;

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

    private VitalsSteps() {
    }

    public static List<Rung<VitalsTable, VitalsFeatures>> all() {
        return ALL;
    }
}
