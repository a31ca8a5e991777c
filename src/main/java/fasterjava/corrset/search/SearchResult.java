package fasterjava.corrset.search;

import java.util.List;

/**
 * The outcome of a full search.
 *
 * @param best the kept sets, best first (empty if no set is defined with enough users)
 * @param combinations sets examined (all C(Q, K) unless the search proved the rest cannot win)
 * @param undefined examined sets whose r is undefined (fewer than 2 users, or a side with zero variance)
 * @param seconds wall-clock time of the search itself, loading excluded
 * @param algorithm which implementation ran
 */
public record SearchResult(List<ScoredSet> best, long combinations, long undefined, double seconds,
        String algorithm) {
    public SearchResult {
        best = List.copyOf(best);
    }
}
