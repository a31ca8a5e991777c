package fasterjava.vitals.journey;

import fasterjava.ladder.Budget;
import fasterjava.ladder.Journey;
import fasterjava.ladder.Ladder;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The patient-vitals journey ({@code vitals-spec.md}): its ladder, its data at the sizes of {@link VitalsScale}
 * (generated in memory on each {@link #open}: 500 patients take a fraction of a second, 100,000 some seconds and
 * about 2 GB), a user's CSV file through {@link VitalsLoader}, and the steps in {@code fasterjava.vitals.steps}.
 */
public final class VitalsJourney implements Journey<VitalsTable, VitalsFeatures> {
    private static final VitalsLadder LADDER = new VitalsLadder();

    @Override
    public Ladder<VitalsTable, VitalsFeatures> ladder() {
        return LADDER;
    }

    @Override
    public List<String> sizes() {
        return java.util.Arrays.stream(VitalsScale.values()).map(VitalsScale::label).toList();
    }

    @Override
    public VitalsTable open(String size, Consumer<String> log) {
        return generated(VitalsScale.parse(size).patients(), log);
    }

    /** The spec's data for the first {@code patients} patients (seed 42, 365 days), generated in memory. */
    public VitalsTable generated(int patients, Consumer<String> log) {
        log.accept(String.format(Locale.ROOT, "generating %,d patients x %d days (seed %d) in memory...",
                patients, VitalsGenerator.DEFAULT_DAYS, VitalsGenerator.DEFAULT_SEED));
        return VitalsLoader.table(VitalsGenerator.generate(patients, VitalsGenerator.DEFAULT_DAYS,
                VitalsGenerator.DEFAULT_SEED));
    }

    @Override
    public VitalsTable load(Path file, Consumer<String> log) {
        log.accept("loading " + file + "...");
        return VitalsLoader.load(file);
    }

    @Override
    public Budget budget(String size) {
        return VitalsScale.parse(size).budget();
    }

    @Override
    public String describe(VitalsTable table) {
        return table.describe();
    }

    @Override
    public String stepPackage() {
        return "fasterjava.vitals.steps";
    }
}
