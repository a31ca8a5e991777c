package fasterjava.vitals.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PoissonSegmentTest {

    @Test
    void afterADrawIsExactlyAfterIt() {
        // States after every single try, so some sit after rejected tries that follow a draw: the position right
        // after a draw must still be found (a column's end is exactly there, and the masks start there).
        PoissonCursor counting = new PoissonCursor(new Mt19937(5), 16);
        PoissonSegment segment = new PoissonSegment();
        long draws = 0;
        segment.record(counting, 0);
        for (int tried = 0; tried < 3000; tried++) {
            draws += counting.skipTries(1);
            segment.record(counting, draws);
        }
        for (long draw = 0; draw < draws; draw++) {
            PoissonCursor reference = new PoissonCursor(new Mt19937(5), 16);
            reference.skip(draw);
            Mt19937 expected = reference.snapshot();
            Mt19937 found = segment.after(draw, 16);
            for (int i = 0; i < 8; i++) {
                assertEquals(expected.nextInt(), found.nextInt(), "after draw " + draw + ", output " + i);
            }
        }
    }
}
