package fasterjava.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The oracle reproduces the spec's check figures ({@code vitals-spec.md} §3): per vital and feature, the sum over
 * the 500 patients of seed 42, and patient 0's heart rate and temperature trend; and the check notices a change.
 */
class VitalsCheckFiguresTest {

    private static VitalsFeatures oracleOn500() {
        VitalsTable table = VitalsLoader.table(VitalsGenerator.generate(SpecCheckFigures.PATIENTS,
                VitalsGenerator.DEFAULT_DAYS, VitalsGenerator.DEFAULT_SEED));
        return VitalsOracle.features(table);
    }

    @Test
    void oracleReproducesTheSpecsCheckFigures() {
        VitalsFeatures features = oracleOn500();
        assertEquals("0", features.patientIds().get(0));
        assertEquals(Optional.empty(), SpecCheckFigures.mismatch(features));
    }

    @Test
    void theCheckNoticesOneChangedFeatureAndTheWrongSize() {
        VitalsFeatures features = oracleOn500();
        double[] values = features.values().clone();
        values[VitalsFeatures.COLUMNS * 321 + VitalsFeatures.column(Vital.OXYGEN_SAT, Feature.N_ANOMALIES)] += 1;
        Optional<String> changed = SpecCheckFigures.mismatch(new VitalsFeatures(features.patientIds(), values));
        assertTrue(changed.orElse("").startsWith("Σ oxygen_sat_n_anomalies: spec 4821"), changed.toString());
        VitalsTable fewer = VitalsLoader.table(VitalsGenerator.generate(499, VitalsGenerator.DEFAULT_DAYS,
                VitalsGenerator.DEFAULT_SEED));
        assertTrue(SpecCheckFigures.mismatch(VitalsOracle.features(fewer)).isPresent());
    }
}
