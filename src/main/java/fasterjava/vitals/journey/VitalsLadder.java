package fasterjava.vitals.journey;

import fasterjava.ladder.Ladder;
import fasterjava.ladder.Published;
import fasterjava.ladder.Rung;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.steps.VitalsSteps;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patient-vitals ladder: steps from {@link VitalsSteps}, one work item per patient ({@code compute(items)} is the
 * features of the first {@code items} patients), results checked by {@link VitalsFeatures#firstMismatch}.
 *
 * <p>Published figures are the case study's own times for 500 patients × 365 days ({@code vitals-spec.md}, header),
 * per patient: its naive loop (V1, ~42 s), pandas group-by (V2, ~3.5 s) and NumPy arrays (V3, ~0.08 s), beside our
 * steps 01–03, which follow those versions. The case study does not name its machine.
 */
public final class VitalsLadder implements Ladder<VitalsTable, VitalsFeatures> {
    private static final String SOURCE = "case study";
    private static final String MACHINE = "case study, published";
    private static final double PUBLISHED_PATIENTS = 500;
    private static final Map<String, List<Published>> PUBLISHED = Map.of(
            "01-naive-loop", List.of(published("V1 naive loop (pandas)", 42)),
            "02-group-by", List.of(published("V2 pandas group-by", 3.5)),
            "03-column-arrays", List.of(published("V3 NumPy arrays", 0.08)));

    @Override
    public String name() {
        return "vitals";
    }

    @Override
    public String unit() {
        return "patient";
    }

    @Override
    public List<Rung<VitalsTable, VitalsFeatures>> rungs() {
        return VitalsSteps.all();
    }

    @Override
    public int availableItems(VitalsTable table) {
        return table.patientCount();
    }

    @Override
    public Optional<String> mismatch(VitalsFeatures reference, VitalsFeatures candidate, int items) {
        return candidate.firstMismatch(reference, items);
    }

    @Override
    public int size(VitalsFeatures result) {
        return result.patientCount();
    }

    @Override
    public List<Published> published(String stepId) {
        return PUBLISHED.getOrDefault(stepId, List.of());
    }

    private static Published published(String label, double secondsFor500) {
        return new Published(SOURCE, label, secondsFor500 * 1e9 / PUBLISHED_PATIENTS, MACHINE);
    }
}
