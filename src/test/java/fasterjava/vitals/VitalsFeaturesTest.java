package fasterjava.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spec's comparison of two results, and the message that names the first difference. */
class VitalsFeaturesTest {

    private static VitalsFeatures twoPatients() {
        VitalsFeatures features = new VitalsFeatures(List.of("p1", "p2"));
        double[] values = features.values();
        for (int i = 0; i < values.length; i++) {
            values[i] = i % VitalsFeatures.PER_VITAL == Feature.N_ANOMALIES.ordinal() ? 3 : 100.0 + i;
        }
        return features;
    }

    private static int at(int patient, Vital vital, Feature feature) {
        return patient * VitalsFeatures.COLUMNS + VitalsFeatures.column(vital, feature);
    }

    @Test
    void headerHasThePatientIdThenEightFeaturesPerVital() {
        List<String> header = VitalsFeatures.header();
        assertEquals(49, header.size());
        assertEquals("patient_id", header.get(0));
        assertEquals(List.of("heart_rate_mean", "heart_rate_std", "heart_rate_min", "heart_rate_max",
                "heart_rate_range", "heart_rate_trend", "heart_rate_n_anomalies", "heart_rate_missing_pct"),
                header.subList(1, 9));
        assertEquals("respiratory_rate_missing_pct", header.get(48));
    }

    @Test
    void withinTheToleranceIsTheSameAnswer() {
        VitalsFeatures reference = twoPatients();
        VitalsFeatures candidate = twoPatients();
        int mean = at(1, Vital.TEMPERATURE, Feature.MEAN);
        candidate.values()[mean] *= 1 + 0.9 * VitalsFeatures.TOLERANCE;
        int trend = at(0, Vital.HEART_RATE, Feature.TREND);
        reference.values()[trend] = 1e-6;
        candidate.values()[trend] = 1e-6 + 0.9e-9;
        assertEquals(Optional.empty(), candidate.firstMismatch(reference, 2));
    }

    @Test
    void theFirstDifferenceIsNamedWithPatientColumnAndBothValues() {
        VitalsFeatures reference = twoPatients();
        VitalsFeatures candidate = twoPatients();
        candidate.values()[at(1, Vital.OXYGEN_SAT, Feature.STD)] *= 1 + 2 * VitalsFeatures.TOLERANCE;
        candidate.values()[at(1, Vital.RESPIRATORY_RATE, Feature.MAX)] = 0;
        String expected = reference.get(1, Vital.OXYGEN_SAT, Feature.STD) + "";
        assertEquals(Optional.of("patient \"p2\" (#1), oxygen_sat_std: expected " + expected + ", got "
                + candidate.get(1, Vital.OXYGEN_SAT, Feature.STD)), candidate.firstMismatch(reference, 2));
        assertEquals(Optional.empty(), candidate.firstMismatch(reference, 1), "only the first patient compared");
    }

    @Test
    void countsMustBeEqualAndAreShownAsIntegers() {
        VitalsFeatures reference = twoPatients();
        VitalsFeatures candidate = twoPatients();
        candidate.values()[at(0, Vital.SYSTOLIC_BP, Feature.N_ANOMALIES)] = 4;
        assertEquals(Optional.of("patient \"p1\" (#0), systolic_bp_n_anomalies: expected 3, got 4"),
                candidate.firstMismatch(reference, 2));
    }

    @Test
    void nanMatchesOnlyNan() {
        VitalsFeatures reference = twoPatients();
        VitalsFeatures candidate = twoPatients();
        int std = at(0, Vital.HEART_RATE, Feature.STD);
        reference.values()[std] = Double.NaN;
        candidate.values()[std] = Double.NaN;
        assertEquals(Optional.empty(), candidate.firstMismatch(reference, 2));
        candidate.values()[std] = 0;
        assertTrue(candidate.firstMismatch(reference, 2).orElseThrow().endsWith("heart_rate_std: expected NaN, got 0.0"));
        assertTrue(reference.firstMismatch(candidate, 2).orElseThrow().endsWith("expected 0.0, got NaN"));
    }

    @Test
    void patientsAndSizesAreChecked() {
        VitalsFeatures reference = twoPatients();
        VitalsFeatures renamed = new VitalsFeatures(List.of("p1", "p3"), reference.values().clone());
        assertEquals(Optional.of("patient #1: expected id \"p2\", got \"p3\""), renamed.firstMismatch(reference, 2));
        VitalsFeatures shorter = new VitalsFeatures(List.of("p1"));
        assertFalse(shorter.firstMismatch(reference, 2).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new VitalsFeatures(List.of("p1"), new double[47]));
    }
}
