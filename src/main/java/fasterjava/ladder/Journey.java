package fasterjava.ladder;

import java.nio.file.Path;
import java.util.List;
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
}
