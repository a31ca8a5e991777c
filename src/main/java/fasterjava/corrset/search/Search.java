package fasterjava.corrset.search;

import fasterjava.util.Progress;

/** A full k-corrset search implementation: same request, same answer, different speed. */
public interface Search {
    /** A short name for reports, e.g. {@code "bitset-scan"}. */
    String name();

    SearchResult run(SearchRequest request, Progress progress);
}
