package fasterjava.corrset.journey;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.SpecCheckFigures;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.corrset.data.StandardData;
import fasterjava.corrset.steps.CorrsetSteps;
import fasterjava.ladder.Rung;
import fasterjava.ladder.Step;
import fasterjava.ladder.StepSelection;
import fasterjava.ladder.VerificationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The k-corrset entry points shared by the CLI and the notebooks beside the generic ones of {@link CorrsetJourney}:
 * load data, describe it, check the baseline itself. Each is one call, so a notebook cell stays one line.
 */
public final class Corrset {
    private static final CorrsetLadder LADDER = new CorrsetLadder();

    private Corrset() {
    }

    public static CorrsetLadder ladder() {
        return LADDER;
    }

    /** Loads a scores file (JSON or CSV), logging how long it took. */
    public static Scores load(Path file, Consumer<String> log) {
        long start = System.nanoTime();
        Scores scores = ScoresLoader.load(file);
        log.accept(String.format(Locale.ROOT, "loaded %s in %.1f s", scores, (System.nanoTime() - start) / 1e9));
        return scores;
    }

    /** The scale's standard data set, generated first if missing. */
    public static Scores load(CorrsetScale scale, Consumer<String> log) {
        return load(scale.data().ensure(log), log);
    }

    public static String describe(Scores scores, int k) {
        return String.format(Locale.ROOT, "%s: %,d users x %,d questions, %,d rows; K = %d",
                Path.of(scores.source()).getFileName(), scores.userCount(), scores.questionCount(),
                scores.rowCount(), k);
    }

    /**
     * Checks the baseline itself, which every other step is verified against: on the full seed-42 data against
     * the spec's check figures, on any other data against step 08's exact integer sums (an independent
     * implementation). Logs a {@code verified:} line or throws {@link VerificationException}.
     */
    public static void checkBaseline(Scores scores, int items, Consumer<String> log) {
        List<Rung<CorrsetInput, CorrsetResult>> rungs = CorrsetSteps.all();
        Rung<CorrsetInput, CorrsetResult> baseline = rungs.get(0);
        CorrsetInput input = new CorrsetInput(scores, SpecCheckFigures.K);
        Step<CorrsetInput, CorrsetResult> step = baseline.create();
        step.prepare(input);
        if (Path.of(scores.source()).toAbsolutePath().equals(StandardData.FULL.path().toAbsolutePath())) {
            int count = SpecCheckFigures.FIRST_R.length;
            CorrsetResult expected = new CorrsetResult(SpecCheckFigures.FIRST_R.clone(),
                    SpecCheckFigures.FIRST_N.clone());
            step.compute(count).firstMismatch(expected, count).ifPresent(m -> {
                throw new VerificationException(baseline.id() + " differs from the spec's check figures: " + m);
            });
            log.accept("verified: " + baseline.id() + " reproduces the spec's check figures (r and n of the first "
                    + count + " combinations of the full seed-42 data)");
            return;
        }
        Rung<CorrsetInput, CorrsetResult> exact = StepSelection.find("08", rungs);
        Step<CorrsetInput, CorrsetResult> reference = exact.create();
        reference.prepare(input);
        int count = Math.min(items, input.combinationLimit());
        step.compute(count).firstMismatch(reference.compute(count), count).ifPresent(m -> {
            throw new VerificationException(baseline.id() + " differs from " + exact.id() + ": " + m);
        });
        log.accept("verified: " + baseline.id() + " agrees with " + exact.id() + "'s exact integer sums on the first "
                + count + " combinations (|Δr| <= " + CorrsetResult.TOLERANCE + ", same n)");
    }
}
