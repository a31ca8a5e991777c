package fasterjava.corrset.search;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code capacity} sets seen so far under {@link ScoredSet#BEST_FIRST}. Merging is order-independent:
 * the same offers in any order, or split across threads and merged, give the same list.
 */
public final class TopSets {
    private static final int INITIAL_SPACE = 1024;
    private final int capacity;
    /** Worst kept set at the head, so a newcomer is compared with the one it would replace. */
    private final PriorityQueue<ScoredSet> kept;

    public TopSets(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the number of best sets kept must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        // Grown as sets arrive, never reserved for the whole capacity: a top list as long as the search is allowed.
        this.kept = new PriorityQueue<>(Math.min(capacity, INITIAL_SPACE) + 1, ScoredSet.BEST_FIRST.reversed());
    }

    public int capacity() {
        return capacity;
    }

    /** True if {@code candidate} would enter the list; cheap, so hot loops can ask before building a set. */
    public boolean admits(ScoredSet candidate) {
        return kept.size() < capacity || candidate.beats(kept.peek());
    }

    public void offer(ScoredSet candidate) {
        if (kept.size() < capacity) {
            kept.add(candidate);
        } else if (candidate.beats(kept.peek())) {
            kept.poll();
            kept.add(candidate);
        }
    }

    public void addAll(TopSets other) {
        for (ScoredSet set : other.kept) {
            offer(set);
        }
    }

    /** The worst set kept once the list is full; null while it is not full (anything defined still enters). */
    public ScoredSet threshold() {
        return kept.size() < capacity ? null : kept.peek();
    }

    public boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The kept sets, best first. */
    public List<ScoredSet> best() {
        List<ScoredSet> sorted = new ArrayList<>(kept);
        sorted.sort(ScoredSet.BEST_FIRST);
        return sorted;
    }
}
