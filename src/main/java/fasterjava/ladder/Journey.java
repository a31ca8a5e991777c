package fasterjava.ladder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A ladder with what the tools around it need: its data at a named size, a user's data file, how much measuring
 * each size does, and where its step classes live. The CLI, the notebook facade, the JMH benchmark and the
 * notebook generator work on any journey through this, so a new ladder plugs in by implementing it and being
 * listed in the project's one registry of journeys.
 *
 * @param <D> the ladder's input
 * @param <R> a step's result
 */
public interface Journey<D, R> {
    Ladder<D, R> ladder();

    /**
     * What re-creates this journey in another JVM (the JMH fork): the ladder's name, then any parameters, e.g.
     * {@code corrset:k=4}.
     */
    default String spec() {
        return ladder().name();
    }

    /** The named sizes, smallest first: {@code tiny}, {@code small}, {@code full}. */
    default List<String> sizes() {
        return List.of("tiny", "small", "full");
    }

    /** The standard data at {@code size}, generated first where it is missing; one line per event to {@code log}. */
    D open(String size, Consumer<String> log);

    /** A user's data file in the journey's input format; bad input throws with the file, line and field. */
    D load(Path file, Consumer<String> log);

    /** How much a ladder run at {@code size} measures. */
    Budget budget(String size);

    /** One line naming the data: file, shape, parameters. */
    String describe(D data);

    /** The package of the step classes ({@code StepNN*.java}), e.g. {@code fasterjava.corrset.steps}. */
    String stepPackage();

    /** {@code size} checked against {@link #sizes()}, lower-cased; a clear error names the choices. */
    default String checkSize(String size) {
        String wanted = size.trim().toLowerCase(Locale.ROOT);
        if (!sizes().contains(wanted)) {
            throw new IllegalArgumentException("unknown size '" + size + "' for " + ladder().name() + ": expected "
                    + String.join(", ", sizes()));
        }
        return wanted;
    }

    /** Runs the selected steps ({@code "01-12"}, {@code "05,09"}, ...) with verification, under {@code budget}. */
    default LadderReport runLadder(D data, String steps, Budget budget, Consumer<String> log) {
        return new LadderRunner<>(ladder(), budget, log).run(data, StepSelection.parse(steps, ladder().rungs()),
                describe(data));
    }

    /**
     * Profiles one step: prepares it, grows a run until it lasts a fifth of a second (which also warms the JIT
     * up, so the profile is of compiled code, not of a cold first call), then records JFR samples for
     * {@code seconds}.
     */
    default StepProfiler.Profile profile(D data, String step, double seconds, Consumer<String> log) {
        Rung<D, R> rung = StepSelection.find(step, ladder().rungs());
        try (Step<D, R> instance = rung.create()) {
            log.accept(rung.id() + ": preparing");
            instance.prepare(data);
            int items = RunSizes.grow(instance, ladder().availableItems(data), 2, 0.2);
            log.accept(String.format(Locale.ROOT, "%s: profiling %,d %ss per run for %.0f s", rung.id(), items,
                    ladder().unit(), seconds));
            return StepProfiler.profile(instance, items, Duration.ofMillis((long) (seconds * 1000)));
        }
    }
}
