package fasterjava.corrset.search;

import java.nio.file.Path;
import java.util.List;

/** The search engines by role: the fastest one for {@code corrset best}, the reference one for checking it. */
public final class Searches {
    private Searches() {
    }

    /** What {@code corrset best} runs: the prefix tree with pair tables. */
    public static PrefixTreeSearch fastest() {
        return new PrefixTreeSearch();
    }

    /** {@link #fastest()}, saving progress to {@code checkpoint} and resuming from it when it exists. */
    public static Search fastest(Path checkpoint) {
        return fastest().withCheckpoint(checkpoint);
    }

    /** The simple per-set engine every other one is checked against. */
    public static Search reference() {
        return new BitsetScanSearch();
    }

    /** Every engine, reference first. */
    public static List<Search> all() {
        return List.of(reference(), fastest());
    }
}
