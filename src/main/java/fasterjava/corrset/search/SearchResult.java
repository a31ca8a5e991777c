package fasterjava.corrset.search;

import java.io.Serializable;
import java.util.Collection;
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
        String algorithm) implements Serializable {
    public SearchResult {
        best = List.copyOf(best);
    }

    /**
     * One search put back together from disjoint parts (ranges of work units, see {@link UnitSearch}): the best
     * {@code top} of the parts' lists, and their counters added. Order-independent, so parts may come in any order.
     */
    public static SearchResult merge(Collection<SearchResult> parts, int top, double seconds, String algorithm) {
        TopSets kept = new TopSets(top);
        long combinations = 0;
        long undefined = 0;
        for (SearchResult part : parts) {
            for (ScoredSet set : part.best()) {
                kept.offer(set);
            }
            combinations += part.combinations();
            undefined += part.undefined();
        }
        return new SearchResult(kept.best(), combinations, undefined, seconds, algorithm);
    }
}
