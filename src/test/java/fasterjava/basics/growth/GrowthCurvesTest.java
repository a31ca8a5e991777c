package fasterjava.basics.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.basics.Size;
import fasterjava.basics.TopicReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measuring tool: what it calls, what it flags, where it stops. No assertion depends on how fast it runs. */
class GrowthCurvesTest {
    private static final GrowthBudget QUICK = new GrowthBudget(0.001, 3, 0.0005, 0.005);

    @Test
    void sizesDoubleAndStopAtTheEnd() {
        assertArrayEquals(new long[] {16, 32, 64, 128}, GrowthCurves.doubling(16, 200));
        assertArrayEquals(new long[] {1, 2, 3, 4, 7, 10}, GrowthCurves.geometric(1, 10, 1.6));
        assertArrayEquals(new long[] {7}, GrowthCurves.doubling(7, 7));
        assertThrows(IllegalArgumentException.class, () -> GrowthCurves.doubling(0, 10));
        assertThrows(IllegalArgumentException.class, () -> GrowthCurves.geometric(1, 10, 1));
    }

    @Test
    void eachSizeGetsItsOwnInputAndEveryCallSeesIt() {
        List<Long> built = new ArrayList<>();
        List<String> log = new ArrayList<>();
        TopicReport.Curve curve = GrowthCurves.measure("length", new long[] {10, 100, 1000}, n -> {
            built.add(n);
            return new int[(int) n];
        }, a -> a.length, QUICK, log::add);
        assertEquals(List.of(10L, 100L, 1000L), built);
        assertEquals("length", curve.name());
        assertEquals(List.of(10L, 100L, 1000L), curve.points().stream().map(TopicReport.Point::n).toList());
        assertTrue(curve.points().stream().allMatch(p -> p.seconds() > 0 && p.spread() >= 0), curve.toString());
        assertFalse(Double.isNaN(curve.exponent()));
        assertEquals(3, log.size(), log.toString());
        assertTrue(log.get(0).contains("length n=10:"), log.get(0));
    }

    @Test
    void theTimedFunctionReceivesTheSetupsInput() {
        Object input = new Object();
        List<Object> seen = new ArrayList<>();
        GrowthCurves.measurePoint(1, input, x -> seen.add(x), QUICK);
        assertFalse(seen.isEmpty());
        assertTrue(seen.stream().allMatch(x -> x == input));
        assertSame(input, seen.get(0));
    }

    @Test
    void sizesMustAscend() {
        assertThrows(IllegalArgumentException.class, () -> GrowthCurves.measure("x", new long[] {4, 2}, n -> n,
                n -> n, QUICK));
    }

    @Test
    void aCurveStopsOnceACallExceedsTheCap() {
        // Each call spins for n × 200 µs: whatever the load, n = 1000 (0.2 s) is far beyond the 5 ms cap.
        TopicReport.Curve curve = GrowthCurves.measure("spin", GrowthCurves.doubling(1, 1000), n -> n,
                n -> spin(n * 200_000L), QUICK);
        long last = curve.points().get(curve.points().size() - 1).n();
        assertTrue(last < 1000, "stopped at n = " + last);
    }

    @Test
    void stopsBeforeAPredictedLongCall() {
        List<TopicReport.Point> quadratic = List.of(new TopicReport.Point(100, 0.1), new TopicReport.Point(200, 0.4));
        assertTrue(GrowthCurves.stopsBefore(quadratic, 400, 0.5), "0.4 s at slope 2 predicts 1.6 s, over 2 × 0.5 s");
        assertFalse(GrowthCurves.stopsBefore(quadratic, 400, 1.0), "1.6 s is under twice 1 s");
        assertTrue(GrowthCurves.stopsBefore(List.of(new TopicReport.Point(100, 1.2)), 200, 1.0), "over the cap");
        List<TopicReport.Point> flat = List.of(new TopicReport.Point(100, 0.5), new TopicReport.Point(200, 0.5));
        assertFalse(GrowthCurves.stopsBefore(flat, 300, 1.0), "at least linear: 0.75 s predicted");
        assertTrue(GrowthCurves.stopsBefore(flat, 1000, 1.0), "at least linear: 2.5 s predicted, over twice the cap");
    }

    @Test
    void callsTimedAloneAreFlaggedNearResolutionAndBatchedOnesAreNot() {
        TopicReport.Point alone = GrowthCurves.measurePoint(1, "x", x -> x, QUICK.unbatched());
        assertTrue(alone.nearResolution(), "one trivial call per sample: " + alone);
        TopicReport.Point batched = GrowthCurves.measurePoint(1, "x", x -> x, QUICK);
        assertFalse(batched.nearResolution(), "batched: " + batched);
    }

    @Test
    void budgetsGrowWithSize() {
        assertTrue(GrowthBudget.of(Size.TINY).callCapSeconds() < GrowthBudget.of(Size.SMALL).callCapSeconds());
        assertEquals(1.0, GrowthBudget.of(Size.FULL).callCapSeconds());
        assertThrows(IllegalArgumentException.class, () -> new GrowthBudget(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GrowthBudget(Double.NaN, 1, 0, 1));
    }

    private static long spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        return spins;
    }
}
