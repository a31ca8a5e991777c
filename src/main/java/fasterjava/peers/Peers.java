package fasterjava.peers;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.ladder.Budget;
import fasterjava.ladder.LadderReport;
import fasterjava.util.ProjectPaths;
import fasterjava.vitals.journey.VitalsJourney;
import fasterjava.vitals.journey.VitalsScale;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.data.GeneratedVitals;
import fasterjava.vitals.data.VitalsCsv;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One call per journey for the CLI and the notebooks: run the Java ladder and the Python versions on the same data
 * and return them side by side ({@link SideBySide}). Files are written by {@link PeerResults#write}.
 */
public final class Peers {
    private Peers() {
    }

    /** k-corrset at a named scale ({@code tiny|small|full}): the whole Java ladder, then every Python version. */
    public static PeersReport corrset(String scale, Consumer<String> log) {
        CorrsetJourney journey = new CorrsetJourney();
        String size = journey.checkSize(scale);
        CorrsetInput input = journey.open(size, log);
        Budget budget = journey.budget(size);
        return corrset(input, journey.runLadder(input, "all", budget, log), budget, log);
    }

    /** k-corrset's Python versions beside a Java ladder run already made on {@code input} under {@code budget}. */
    public static PeersReport corrset(CorrsetInput input, LadderReport java, Budget budget, Consumer<String> log) {
        return SideBySide.run(new CorrsetPeers(), input, java, budget, PythonPeers.standard(), log);
    }

    /**
     * Vitals on the spec's data for {@code patients} patients (seed 42, 365 days): generated once, the table for
     * the Java ladder and the same rows as CSV for Python ({@code data/generated/}, written if missing and Python
     * can run).
     */
    public static PeersReport vitals(int patients, Consumer<String> log) {
        if (patients < 1) {
            throw new IllegalArgumentException("need at least 1 patient, got " + patients);
        }
        log.accept(String.format(Locale.ROOT, "generating %,d patients x %d days (seed %d)...", patients,
                VitalsGenerator.DEFAULT_DAYS, VitalsGenerator.DEFAULT_SEED));
        GeneratedVitals generated = VitalsGenerator.generate(patients, VitalsGenerator.DEFAULT_DAYS,
                VitalsGenerator.DEFAULT_SEED);
        Path csv = ProjectPaths.data().resolve("generated").resolve(String.format(Locale.ROOT,
                "vitals-%dp-%dd-seed%d.csv", patients, VitalsGenerator.DEFAULT_DAYS, VitalsGenerator.DEFAULT_SEED));
        PythonPeers python = PythonPeers.standard();
        if (!Files.isRegularFile(csv) && python.unavailable().isEmpty()) {
            log.accept("writing " + csv + " for the Python side...");
            try {
                VitalsCsv.write(generated, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        VitalsTable table = VitalsLoader.table(generated);
        Budget budget = vitalsBudget(patients);
        LadderReport java = new VitalsJourney().runLadder(table, "all", budget, log);
        return SideBySide.run(new VitalsPeers(csv), table, java, budget, python, log);
    }

    /**
     * The budget of the smallest {@link VitalsScale} holding {@code patients}, its items capped at them: at the
     * case study's 500 every step is checked and timed on all of them; above, the quadratic first versions are
     * checked on a few and grown until a run lasts the scale's minimum.
     */
    static Budget vitalsBudget(int patients) {
        VitalsScale scale = VitalsScale.FULL;
        for (VitalsScale candidate : VitalsScale.values()) {
            if (patients <= candidate.patients()) {
                scale = candidate;
                break;
            }
        }
        Budget budget = scale.budget();
        return new Budget(Math.min(budget.referenceItems(), patients), budget.minRunSeconds(), patients,
                budget.repetitions(), budget.stepSeconds());
    }
}
