package fasterjava.peers;

import java.util.List;
import java.util.Optional;

/**
 * What the peers' harness needs from a journey to run its Python versions beside its Java ladder: the versions,
 * the runner script and its data arguments, how to read an item line, and the Java reference each Python result
 * is verified against.
 *
 * @param <D> the journey's input
 * @param <R> a result
 */
public interface PeerSide<D, R> {
    /** The ladder's name: {@code corrset}, {@code vitals}. */
    String ladder();

    /** The Python versions, in ladder order. */
    List<PeerVersion> versions();

    /** The runner, relative to the Python peers' folder, e.g. {@code corrset/run.py}. */
    String script();

    /** The kind of item line ({@code "item"}, {@code "patient"}). */
    String itemKind();

    /** The runner's arguments naming the data (the budget's are added by the harness). */
    List<String> dataArguments(D data);

    /** A collector for one version's item lines. */
    PeerItems<R> newItems();

    /** The id of the Java step that computes the reference. */
    String referenceStep();

    /** The reference for the first {@code items} items, computed in Java by {@link #referenceStep()}. */
    R reference(D data, int items);

    /** The first difference of {@code candidate} from {@code reference} over {@code items} items, if any. */
    Optional<String> mismatch(R reference, R candidate, int items);

    /** What the tolerance of {@link #mismatch} is, for the verification line. */
    String tolerance();

    /** Whether the Java step with this id computes on more than one thread. */
    boolean javaThreaded(String stepId);
}
