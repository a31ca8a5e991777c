package fasterjava.peers;

import com.fasterxml.jackson.databind.JsonNode;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.steps.CorrsetSteps;
import fasterjava.ladder.Step;
import fasterjava.ladder.StepSelection;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * k-corrset's Python versions ({@code src/peers/python/corrset/}) and how they are checked: every combination a
 * version timed must match, r within {@link #TOLERANCE} and n exactly, what Java step 10 computes for it — step 10
 * is itself verified against the baseline by the ladder run the peers are compared with.
 */
public final class CorrsetPeers implements PeerSide<CorrsetInput, CorrsetResult> {
    /** Largest |Δr| between a Python version and Java (the Python side's formulas differ in the last bits). */
    public static final double TOLERANCE = 1e-9;
    private static final String REFERENCE_STEP = "10-fused-loop";
    private static final List<PeerVersion> VERSIONS = List.of(
            new PeerVersion("pandas-baseline", "pandas DataFrame, filtered per set", List.of("01-tablesaw-baseline")),
            new PeerVersion("dict-sets", "Sets of users, a score dict, a grand-totals dict",
                    List.of("03-score-map", "02-user-sets", "04-grand-totals-corrcoef")),
            new PeerVersion("bool-arrays", "NumPy boolean and score matrices",
                    List.of("06-bool-arrays", "07-dense-matrix", "08-custom-corrcoef")),
            new PeerVersion("numpy-bitsets", "NumPy bitsets, no JIT", List.of("09-bitsets")),
            new PeerVersion("numba-serial", "Numba: one fused loop over bitsets, one thread",
                    List.of("10-fused-loop", "11-vector-api")),
            new PeerVersion("numba-parallel", "Numba: the fused loop on all cores (prange)", List.of("12-threads")));

    @Override
    public String ladder() {
        return "corrset";
    }

    @Override
    public List<PeerVersion> versions() {
        return VERSIONS;
    }

    @Override
    public String script() {
        return "corrset/run.py";
    }

    @Override
    public String itemKind() {
        return "item";
    }

    @Override
    public List<String> dataArguments(CorrsetInput data) {
        return List.of("--data", data.scores().source(), "--k", Integer.toString(data.k()));
    }

    @Override
    public PeerItems<CorrsetResult> newItems() {
        return new Items();
    }

    @Override
    public String referenceStep() {
        return REFERENCE_STEP;
    }

    @Override
    public CorrsetResult reference(CorrsetInput data, int items) {
        try (Step<CorrsetInput, CorrsetResult> step = StepSelection.find(REFERENCE_STEP, CorrsetSteps.all())
                .create()) {
            step.prepare(data);
            return step.compute(items);
        }
    }

    @Override
    public Optional<String> mismatch(CorrsetResult reference, CorrsetResult candidate, int items) {
        if (candidate.size() < items || reference.size() < items) {
            return Optional.of("cannot compare " + items + " combinations: results hold " + candidate.size()
                    + " and " + reference.size());
        }
        for (int i = 0; i < items; i++) {
            double expected = reference.r()[i];
            double actual = candidate.r()[i];
            boolean same = Double.isNaN(expected) ? Double.isNaN(actual)
                    : !Double.isNaN(actual) && Math.abs(expected - actual) <= TOLERANCE;
            if (!same || reference.n()[i] != candidate.n()[i]) {
                return Optional.of("combination #" + i + ": expected r=" + expected + " (n=" + reference.n()[i]
                        + "), got r=" + actual + " (n=" + candidate.n()[i] + ")");
            }
        }
        return Optional.empty();
    }

    @Override
    public String tolerance() {
        return "|Δr| <= " + TOLERANCE + ", n equal";
    }

    @Override
    public boolean javaThreaded(String stepId) {
        return stepId.equals("12-threads");
    }

    /** r (null: undefined) and n per combination, which must come numbered 0, 1, 2, … */
    private static final class Items implements PeerItems<CorrsetResult> {
        private double[] r = new double[1024];
        private int[] n = new int[1024];
        private int size;

        @Override
        public void add(JsonNode item) {
            int index = PeerOutput.integer(item, "i");
            if (index != size) {
                throw new IllegalArgumentException("expected combination #" + size + ", got #" + index);
            }
            int users = PeerOutput.integer(item, "n");
            if (users < 0) {
                throw new IllegalArgumentException("field 'n' must not be negative, got " + users);
            }
            if (size == r.length) {
                r = Arrays.copyOf(r, size * 2);
                n = Arrays.copyOf(n, size * 2);
            }
            r[size] = PeerOutput.numberOrNaN(item, "r");
            n[size] = users;
            size++;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public CorrsetResult result() {
            return new CorrsetResult(Arrays.copyOf(r, size), Arrays.copyOf(n, size));
        }
    }
}
