package fasterjava.ladder;

import java.util.List;
import java.util.Optional;

/**
 * A ladder: one task, its steps in order, and how to check one step's result against another's. The harness
 * ({@link LadderRunner}) knows nothing else about the task, so any ladder — k-corrset, patient vitals — plugs in
 * by implementing this.
 *
 * @param <D> the input every step is prepared with
 * @param <R> what a step's {@code compute} returns
 */
public interface Ladder<D, R> {
    /** Short machine name, used in file names: {@code corrset}, {@code vitals}. */
    String name();

    /** What one work item is, singular: {@code combination}, {@code patient}. */
    String unit();

    /** The steps in order; the first is the baseline every other step is verified against. */
    List<Rung<D, R>> rungs();

    /** How many work items {@code data} offers (the harness never asks a step for more). */
    int availableItems(D data);

    /**
     * Compares the first {@code items} items of {@code candidate} with {@code reference}; empty if they agree,
     * else a description of the first difference.
     */
    Optional<String> mismatch(R reference, R candidate, int items);

    /** How many items a result holds. */
    int size(R result);

    /** Published figures for the step with this id (e.g. {@code 05-int-ids}), best match first; may be empty. */
    List<Published> published(String stepId);
}
