package fasterjava.vitals.casestudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.vitals.Vital;
import fasterjava.vitals.data.GeneratedVitals;
import fasterjava.vitals.data.VitalsGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each definition on series worked by hand, and the spec's §4 figures on the seed-42 data. */
class DefinitionsTest {
    private static final double NAN = Double.NaN;

    @Test
    void definitionsOnAHandWorkedSeries() {
        // Days 0..4, day 2 missing: values 1, 2, -, 4, 8 → m = 4, mean 3.75, deviations -2.75 -1.75 0.25 4.25.
        Definitions.Variants v = Definitions.variants(new double[] {99, 1, 2, NAN, 4, 8}, 1, 5);
        double squares = 2.75 * 2.75 + 1.75 * 1.75 + 0.25 * 0.25 + 4.25 * 4.25;
        assertEquals(Math.sqrt(squares / 4), v.populationStd(), 1e-12);
        assertEquals(Math.sqrt(squares / 3), v.sampleStd(), 1e-12);
        // By day: days 0 1 3 4 (mean 2): (-2)(-2.75) + (-1)(-1.75) + (1)(0.25) + (2)(4.25) = 16, over 10.
        assertEquals(1.6, v.trendByDay(), 1e-12);
        // By position 0..3 (mean 1.5): (-1.5)(-2.75) + (-0.5)(-1.75) + (0.5)(0.25) + (1.5)(4.25) = 11.5, over 5.
        assertEquals(2.3, v.trendByPosition(), 1e-12);
        // Zeroed, all days (mean 2, Σ(d - 2)² = 10): the same numerator as by day here, 16 / 10.
        assertEquals(1.6, v.trendZeroedDeviations(), 1e-12);
        assertEquals(0, v.anomaliesSample());

        // The last day missing instead: by day = by position = 11.5 / 5; zeroed = 11.5 / 10 (days 0..4, mean 2).
        Definitions.Variants end = Definitions.variants(new double[] {1, 2, 4, 8, NAN}, 0, 5);
        assertEquals(2.3, end.trendByDay(), 1e-12);
        assertEquals(2.3, end.trendByPosition(), 1e-12);
        assertEquals(1.15, end.trendZeroedDeviations(), 1e-12);
    }

    @Test
    void edgeCasesFollowTheSpecsRules() {
        Definitions.Variants none = Definitions.variants(new double[] {NAN, NAN}, 0, 2);
        assertTrue(Double.isNaN(none.sampleStd()) && Double.isNaN(none.trendByDay()));
        assertEquals(0, none.anomaliesPopulation());
        Definitions.Variants one = Definitions.variants(new double[] {NAN, 5}, 0, 2);
        assertTrue(Double.isNaN(one.sampleStd()));
        assertEquals(0.0, one.trendByDay());
        assertEquals(0.0, one.trendByPosition());
        Definitions.Variants flat = Definitions.variants(new double[] {3, 3, 3}, 0, 3);
        assertEquals(0.0, flat.sampleStd());
        assertEquals(0, flat.anomaliesSample());
    }

    @Test
    void theSpecsMeasuredDisagreementAt500Patients() {
        GeneratedVitals data = VitalsGenerator.generate(500, VitalsGenerator.DEFAULT_DAYS,
                VitalsGenerator.DEFAULT_SEED);
        List<Definitions.Comparison> comparisons = Definitions.compare(data);
        for (Definitions.Comparison c : comparisons) {
            // vitals-spec.md §4: V1's anomaly counts differ for 14–55 patients per vital, its std by up to 0.024.
            assertTrue(c.anomalyCountsChanged() >= 14 && c.anomalyCountsChanged() <= 55, c.toString());
            assertTrue(c.maxStdDifference() <= 0.024 + 1e-3, c.toString());
            if (c.vital() == Vital.HEART_RATE || c.vital() == Vital.SYSTOLIC_BP) {
                // About 5% missing: position-based slopes ~5% steeper, V3's ~5% flatter, V1 vs V3 ~10%.
                assertEquals(0.05, c.medianTrendGapV1(), 0.02, c.toString());
                assertEquals(0.05, c.medianTrendGapV3(), 0.02, c.toString());
                assertEquals(0.10, c.medianTrendGapV1V3(), 0.03, c.toString());
            }
        }
        assertEquals(6, Definitions.table(comparisons).rows().size());
        assertEquals(2, Definitions.trendGapChart(comparisons).getSeriesMap().size());
    }
}
