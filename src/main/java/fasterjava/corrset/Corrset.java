package fasterjava.corrset;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.corrset.steps.CorrsetSteps;
import fasterjava.ladder.Budget;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.LadderRunner;
import fasterjava.ladder.Rung;
import fasterjava.ladder.Step;
import fasterjava.ladder.StepProfiler;
import fasterjava.ladder.StepSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The k-corrset entry points shared by the CLI and the notebooks: load data, run (part of) the ladder, profile a
 * step. Each is one call, so a notebook cell stays one line.
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

    /** Runs the selected steps ({@code "01-12"}, {@code "05,09"}, ...) with verification, under {@code budget}. */
    public static LadderReport runLadder(Scores scores, int k, String steps, Budget budget, Consumer<String> log) {
        List<Rung<CorrsetInput, CorrsetResult>> selected = StepSelection.parse(steps, CorrsetSteps.all());
        return new LadderRunner<>(LADDER, budget, log).run(new CorrsetInput(scores, k), selected,
                describe(scores, k));
    }

    /**
     * Profiles one step: prepares it, sizes a run to about a fifth of a second, then records JFR samples for
     * {@code seconds}.
     */
    public static StepProfiler.Profile profile(Scores scores, int k, String step, double seconds,
            Consumer<String> log) {
        Rung<CorrsetInput, CorrsetResult> rung = StepSelection.find(step, CorrsetSteps.all());
        CorrsetInput input = new CorrsetInput(scores, k);
        Step<CorrsetInput, CorrsetResult> instance = rung.create();
        log.accept(rung.id() + ": preparing");
        instance.prepare(input);
        int items = 1;
        long start = System.nanoTime();
        instance.compute(items);
        double one = Math.max((System.nanoTime() - start) / 1e9, 1e-7);
        items = (int) Math.clamp(0.2 / one, 1, input.combinationLimit());
        log.accept(String.format(Locale.ROOT, "%s: profiling %,d combinations per run for %.0f s", rung.id(),
                items, seconds));
        return StepProfiler.profile(instance, items, Duration.ofMillis((long) (seconds * 1000)));
    }
}
