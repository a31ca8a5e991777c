package fasterjava.corrset.journey;

import fasterjava.ladder.Published;
import java.util.List;
import java.util.Map;

/**
 * The two articles' published per-combination times (from {@code corrset-spec.md}), mapped to our steps. They
 * were measured on Apple M1 machines, not here: they sit beside our figures for scale, never in place of them.
 *
 * <p>Mapping notes: the JVM compiles every method, so our bitset step (09) compares with the Python article's
 * "whole function JIT" bitset figure rather than its interpreted one; the Rust article's "no bounds checks" has
 * no Java step (the JIT removes provable checks itself).
 */
public final class PublishedFigures {
    public static final String PYTHON = "Python article";
    public static final String RUST = "Rust article";
    private static final String PYTHON_MACHINE = "M1 MacBook Pro";
    private static final String RUST_MACHINE = "10-core M1";

    private static final Map<String, List<Published>> BY_STEP = Map.ofEntries(
            Map.entry("01-tablesaw-baseline", List.of(python("pandas baseline", 35e6), rust("Python", 35.85e6))),
            Map.entry("02-user-sets", List.of(python("sets of users", 10.0e6))),
            Map.entry("03-score-map", List.of(python("score dict", 690e3), rust("basic", 4.24e6))),
            Map.entry("04-grand-totals-corrcoef", List.of(python("grand-totals dict + np.corrcoef", 380e3))),
            Map.entry("05-int-ids", List.of(python("int ids", 210e3), rust("indexed", 1.03e6))),
            Map.entry("06-bool-arrays", List.of(python("bool arrays", 75e3))),
            Map.entry("07-dense-matrix", List.of(python("dense score matrix", 56e3), rust("index maps", 180.52e3))),
            Map.entry("08-custom-corrcoef", List.of(python("custom corrcoef", 43e3))),
            Map.entry("09-bitsets", List.of(python("bitsets, whole function JIT, serial", 4.2e3),
                    rust("bitsets", 46.60e3))),
            Map.entry("10-fused-loop", List.of(python("fused accumulation, serial", 1.7e3))),
            Map.entry("11-vector-api", List.of(rust("SIMD u64x16, no allocation", 1.09e3))),
            Map.entry("12-threads", List.of(python("fused accumulation, parallel", 210),
                    rust("batched, 1024 per task", 982.46e6 / 5_000_000))));

    private PublishedFigures() {
    }

    public static List<Published> forStep(String stepId) {
        return BY_STEP.getOrDefault(stepId, List.of());
    }

    private static Published python(String label, double nanos) {
        return new Published(PYTHON, label, nanos, PYTHON_MACHINE);
    }

    private static Published rust(String label, double nanos) {
        return new Published(RUST, label, nanos, RUST_MACHINE);
    }
}
