package fasterjava.vitals.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stretch of the Poisson column's tries counted by one thread of the first pass: generator states every so many
 * tries with the number of draws accepted before each. Any draw's position inside the stretch is then found by
 * starting at the last state before it and skipping the few draws in between.
 */
final class PoissonSegment {
    private final List<Mt19937> states = new ArrayList<>();
    private long[] accepted = new long[16];

    /** Records the cursor's state, {@code acceptedBefore} draws into the segment. */
    void record(PoissonCursor cursor, long acceptedBefore) {
        if (states.size() == accepted.length) {
            accepted = Arrays.copyOf(accepted, 2 * accepted.length);
        }
        accepted[states.size()] = acceptedBefore;
        states.add(cursor.snapshot());
    }

    /**
     * The generator right after the segment's {@code draw}-th accepted draw (the segment's start for 0): where
     * the next draw begins. Needs a recorded state with fewer accepted draws, and the segment to reach that far.
     */
    Mt19937 after(long draw, double lambda) {
        if (draw == 0) {
            return states.get(0).copy();
        }
        // The last state with fewer draws before it: skipping from one with exactly `draw` would land past the
        // rejected tries that follow that draw, and a column's end must be exactly after its last draw.
        int low = 0;
        int high = states.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (accepted[middle] < draw) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        PoissonCursor cursor = new PoissonCursor(states.get(low), lambda);
        cursor.skip(draw - accepted[low]);
        return cursor.snapshot();
    }
}
