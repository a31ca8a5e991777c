package fasterjava.peers;

import com.fasterxml.jackson.databind.JsonNode;
import fasterjava.ladder.Step;
import fasterjava.ladder.StepSelection;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.steps.VitalsSteps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The vitals pipeline's Python versions ({@code src/peers/python/vitals/}), run on a CSV file holding the same rows
 * as the Java table, and how they are checked: every patient a version timed must agree with Java step 04 within
 * the spec's tolerance ({@link VitalsFeatures#firstMismatch}); step 04 is itself verified against the baseline by
 * the ladder run the peers are compared with.
 */
public final class VitalsPeers implements PeerSide<VitalsTable, VitalsFeatures> {
    private static final String REFERENCE_STEP = "04-fused-pass";
    private static final List<PeerVersion> VERSIONS = List.of(
            new PeerVersion("v1-naive-loop", "V1: filter the DataFrame per patient, then loop",
                    List.of("01-naive-loop")),
            new PeerVersion("v2-group-by", "V2: pandas group-by", List.of("02-group-by")),
            new PeerVersion("v3-numpy-arrays", "V3: NumPy patients x days x vitals cube",
                    List.of("03-column-arrays")),
            new PeerVersion("numba-serial", "Numba: one compiled pass per patient and vital, one thread",
                    List.of("04-fused-pass", "05-fixed-point", "06-vector-api")),
            new PeerVersion("numba-parallel", "Numba: the same pass on all cores (prange)",
                    List.of("07-threads", "08-streaming")));

    private final Path csv;

    /** @param csv the table's rows as the spec's CSV, which the Python runner reads */
    public VitalsPeers(Path csv) {
        this.csv = csv;
    }

    @Override
    public String ladder() {
        return "vitals";
    }

    @Override
    public List<PeerVersion> versions() {
        return VERSIONS;
    }

    @Override
    public String script() {
        return "vitals/run.py";
    }

    @Override
    public String itemKind() {
        return "patient";
    }

    @Override
    public List<String> dataArguments(VitalsTable data) {
        return List.of("--data", csv.toString());
    }

    @Override
    public PeerItems<VitalsFeatures> newItems() {
        return new Items();
    }

    @Override
    public String referenceStep() {
        return REFERENCE_STEP;
    }

    @Override
    public VitalsFeatures reference(VitalsTable data, int items) {
        try (Step<VitalsTable, VitalsFeatures> step = StepSelection.find(REFERENCE_STEP, VitalsSteps.all())
                .create()) {
            step.prepare(data);
            return step.compute(items);
        }
    }

    @Override
    public Optional<String> mismatch(VitalsFeatures reference, VitalsFeatures candidate, int items) {
        return candidate.firstMismatch(reference, items);
    }

    @Override
    public String tolerance() {
        return "within " + VitalsFeatures.TOLERANCE + "·max(1, |Java|), NaN where NaN, equal anomaly counts";
    }

    @Override
    public boolean javaThreaded(String stepId) {
        return VitalsSteps.usesThreads(StepSelection.find(stepId, VitalsSteps.all()));
    }

    /** Per patient its id and the 48 features in the spec's order (null: NaN). */
    private static final class Items implements PeerItems<VitalsFeatures> {
        private final List<String> ids = new ArrayList<>();
        private double[] values = new double[64 * VitalsFeatures.COLUMNS];

        @Override
        public void add(JsonNode item) {
            String id = PeerOutput.text(item, "id");
            JsonNode features = item.get("features");
            if (features == null || !features.isArray() || features.size() != VitalsFeatures.COLUMNS) {
                throw new IllegalArgumentException("field 'features' must be an array of " + VitalsFeatures.COLUMNS
                        + " numbers");
            }
            int offset = ids.size() * VitalsFeatures.COLUMNS;
            if (offset + VitalsFeatures.COLUMNS > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            for (int c = 0; c < VitalsFeatures.COLUMNS; c++) {
                JsonNode value = features.get(c);
                if (!value.isNumber() && !value.isNull()) {
                    throw new IllegalArgumentException("patient '" + id + "': feature " + c
                            + " is not a number or null");
                }
                values[offset + c] = value.isNull() ? Double.NaN : value.asDouble();
            }
            ids.add(id);
        }

        @Override
        public int size() {
            return ids.size();
        }

        @Override
        public VitalsFeatures result() {
            return new VitalsFeatures(List.copyOf(ids), Arrays.copyOf(values, ids.size() * VitalsFeatures.COLUMNS));
        }
    }
}
