package fasterjava.basics.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointerChaseTest {

    @Test
    void theCycleVisitsEveryLineOnceBeforeComingBack() {
        for (long bytes : new long[] {128, 4096, 64 * 1024 + 64, 1 << 20}) {
            int[] next = PointerChase.randomCycle(bytes, 7);
            int lines = (int) (bytes / PointerChase.LINE_BYTES);
            boolean[] visited = new boolean[lines];
            int position = 0;
            for (int i = 0; i < lines; i++) {
                assertEquals(0, position % PointerChase.STRIDE, "every load lands on a line's first element");
                int line = position / PointerChase.STRIDE;
                assertTrue(!visited[line], "line " + line + " visited twice in a set of " + bytes + " bytes");
                visited[line] = true;
                position = next[position];
            }
            assertEquals(0, position, "back at the start after all " + lines + " lines");
            assertEquals(lines, PointerChase.cycleLength(next));
        }
    }

    @Test
    void cycleLengthNoticesABrokenCycle() {
        int[] next = PointerChase.randomCycle(64 * 16, 3);
        // Planted: the first line points to itself, so the chase never reaches the other 15.
        next[0] = 0;
        assertEquals(1, PointerChase.cycleLength(next));
        int[] split = new int[4 * PointerChase.STRIDE];
        split[0] = PointerChase.STRIDE;
        split[PointerChase.STRIDE] = 0;
        split[2 * PointerChase.STRIDE] = 3 * PointerChase.STRIDE;
        split[3 * PointerChase.STRIDE] = 2 * PointerChase.STRIDE;
        assertEquals(2, PointerChase.cycleLength(split), "two cycles of two: the chase from 0 sees only its own");
    }

    @Test
    void chaseFollowsTheLinks() {
        int[] next = PointerChase.randomCycle(4096, 11);
        int expected = 0;
        for (int i = 0; i < 1000; i++) {
            expected = next[expected];
        }
        assertEquals(expected, PointerChase.chase(next, 0, 1000));
        assertEquals(0, PointerChase.chase(next, 0, 4096 / PointerChase.LINE_BYTES), "a full lap ends at the start");
    }

    @Test
    void setsThatAreNotWholeLinesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PointerChase.randomCycle(100, 1));
        assertThrows(IllegalArgumentException.class, () -> PointerChase.randomCycle(64, 1));
        assertThrows(IllegalArgumentException.class, () -> PointerChase.randomCycle(0, 1));
    }

    @Test
    void workingSetsGrowByTheFactorAndStopAtAQuarterOfTheHeap() {
        assertEquals(java.util.List.of(4096L, 16384L, 65536L), MemoryTopic.workingSets(4096, 65536, 4, 1L << 40));
        assertEquals(java.util.List.of(4096L, 8192L), MemoryTopic.workingSets(4096, 65536, 2, 4 * 8192 + 100));
        for (long bytes : MemoryTopic.workingSets(4096, 1 << 20, Math.sqrt(2), 1L << 40)) {
            assertEquals(0, bytes % PointerChase.LINE_BYTES, bytes + " is whole lines");
        }
    }
}
