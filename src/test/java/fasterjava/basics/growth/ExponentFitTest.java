package fasterjava.basics.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.basics.TopicReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The fitter recovers known exponents from synthetic timings: exact, noisy, and with points near resolution. */
class ExponentFitTest {

    static List<TopicReport.Point> points(long[] sizes, DoubleUnaryOperator seconds) {
        List<TopicReport.Point> points = new ArrayList<>();
        for (long n : sizes) {
            points.add(new TopicReport.Point(n, seconds.applyAsDouble(n)));
        }
        return points;
    }

    @Test
    void exactPowerLawsGiveTheirExponents() {
        long[] sizes = GrowthCurves.doubling(16, 1 << 20);
        for (double k : new double[] {0, 0.5, 1, 2, 3}) {
            ExponentFit fit = ExponentFit.of(points(sizes, n -> 3e-9 * Math.pow(n, k)));
            assertEquals(k, fit.exponent(), 1e-9, "exponent of n^" + k);
            assertEquals(1, fit.rSquared(), 1e-9, "R² of n^" + k);
            assertEquals(sizes.length, fit.pointsUsed());
            assertEquals(3e-9 * Math.pow(1000, k), fit.secondsAt(1000), 3e-9 * Math.pow(1000, k) * 1e-9);
        }
    }

    @Test
    void nLogNFitsSlightlyAboveOne() {
        ExponentFit fit = ExponentFit.of(points(GrowthCurves.doubling(1024, 1 << 22), n -> 1e-9 * n * Math.log(n)));
        assertTrue(fit.exponent() > 1.05 && fit.exponent() < 1.15, "n log n fitted as n^" + fit.exponent());
    }

    @Test
    void noisyTimingsStillGiveTheExponent() {
        long seed = 20261130L;
        Random random = new Random(seed);
        long[] sizes = GrowthCurves.doubling(1024, 1 << 24);
        for (double k : new double[] {1, 2}) {
            // Up to ±20% multiplicative noise on each point, as a busy machine gives.
            ExponentFit fit = ExponentFit.of(points(sizes, n -> 1e-9 * Math.pow(n, k)
                    * Math.exp(0.2 * (2 * random.nextDouble() - 1))));
            assertEquals(k, fit.exponent(), 0.05, "seed " + seed + ": n^" + k + " fitted as n^" + fit.exponent());
            assertTrue(fit.rSquared() > 0.99 && fit.rSquared() < 1, "seed " + seed + ": R² " + fit.rSquared());
        }
    }

    @Test
    void pointsNearResolutionAreLeftOut() {
        long[] sizes = GrowthCurves.doubling(1, 1 << 20);
        double resolution = 30e-9;
        List<TopicReport.Point> flagged = new ArrayList<>();
        List<TopicReport.Point> unflagged = new ArrayList<>();
        for (long n : sizes) {
            double truth = 1e-10 * n;
            // What a timer of 30 ns resolution reads for a call shorter than 100 resolutions: its step, roughly.
            boolean near = truth < GrowthCurves.RESOLUTION_MULTIPLE * resolution;
            double read = near ? Math.max(resolution, Math.round(truth / resolution) * resolution) : truth;
            flagged.add(new TopicReport.Point(n, read, 0, near));
            unflagged.add(new TopicReport.Point(n, read));
        }
        ExponentFit fit = ExponentFit.of(flagged);
        assertEquals(1, fit.exponent(), 1e-9);
        assertTrue(fit.pointsUsed() < sizes.length && fit.pointsUsed() >= 2, "used " + fit.pointsUsed());
        assertTrue(ExponentFit.of(unflagged).exponent() < 0.9, "the flat points would have bent the fit: n^"
                + ExponentFit.of(unflagged).exponent());
    }

    @Test
    void fewerThanTwoUsablePointsGiveNoExponent() {
        assertTrue(Double.isNaN(ExponentFit.of(List.of()).exponent()));
        assertTrue(Double.isNaN(ExponentFit.of(List.of(new TopicReport.Point(10, 1e-6))).exponent()));
        ExponentFit allNear = ExponentFit.of(List.of(new TopicReport.Point(10, 1e-8, 0, true),
                new TopicReport.Point(20, 1e-8, 0, true), new TopicReport.Point(40, 2e-6)));
        assertTrue(Double.isNaN(allNear.exponent()));
        assertEquals(1, allNear.pointsUsed());
        assertTrue(Double.isNaN(allNear.rSquared()));
    }
}
