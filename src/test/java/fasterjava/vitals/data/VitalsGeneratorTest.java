package fasterjava.vitals.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fasterjava.vitals.Vital;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator against the spec's check figures (seed 42, 365 days), which come from NumPy 1.24. */
class VitalsGeneratorTest {

    @Test
    void csvOf500PatientsMatchesTheSpec() throws Exception {
        byte[] csv = csv(VitalsGenerator.generate(500, 365, 42));
        assertEquals(6_651_785, csv.length);
        assertEquals("ce30830be8a976172291ef3fdb02bf0b", md5(csv));
    }

    @Test
    void csvOf1000PatientsMatchesTheSpec() throws Exception {
        byte[] csv = csv(VitalsGenerator.generate(1000, 365, 42));
        assertEquals(13_347_495, csv.length);
        assertEquals("08615e324db3885243ce2c1acbcdaca2", md5(csv));
    }

    @Test
    void rowStreamHashOf20000PatientsMatchesTheSpec() {
        assertEquals("c00b7b9e118fc0b9d26af6c9ac3bf7d5264367709d39ccc97289d341ef6cbdcd",
                RowStreamHash.of(VitalsGenerator.generate(20_000, 365, 42)));
    }

    @Test
    void valuesMatchNumPyAtChosenRows() {
        // df.iloc[row] of the case study's generate(1000) with NumPy 1.24.2 / pandas 1.5.3: heart_rate,
        // systolic_bp, diastolic_bp, temperature, oxygen_sat, respiratory_rate (NaN = missing).
        GeneratedVitals data = VitalsGenerator.generate(1000, 365, 42);
        assertRow(data, 0, 0, 78.0, 121.9, 70.5, 99.01, 99.7, 19);
        assertRow(data, 0, 1, 70.3, 126.5, 90.7, 98.37, 98.0, 12);
        assertRow(data, 0, 364, 80.3, 117.8, 80.3, 99.74, 91.8, 18);
        assertRow(data, 1, 0, Double.NaN, 126.4, 72.6, 98.41, 96.0, 19);
        assertRow(data, 999, 364, 64.8, 116.7, 64.6, 99.43, 97.9, 21);
    }

    private static void assertRow(GeneratedVitals data, int patient, int day, double... expected) {
        for (Vital vital : Vital.values()) {
            assertEquals(expected[vital.ordinal()], data.value(vital, patient, day),
                    vital.column() + " of patient " + patient + ", day " + day);
        }
    }

    static byte[] csv(GeneratedVitals data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VitalsCsv.write(List.of(new VitalsBlock(0, data.patients(), data.days(), data.values())).iterator(), out);
        return out.toByteArray();
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void rowStreamHashOf500PatientsMatchesTheSpec() {
        assertEquals("fdc976a217a0511fab128f51245e466e57219602e207b76f80b60ffc5875cd3e",
                RowStreamHash.of(VitalsGenerator.generate(500, 365, 42)));
    }

    @Test
    void missingCountsAt500() {
        GeneratedVitals data = VitalsGenerator.generate(500, 365, 42);
        int[] expected = {9190, 9281, 0, 9147, 9164, 0};
        for (Vital vital : Vital.values()) {
            long missing = java.util.Arrays.stream(data.values()[vital.ordinal()]).filter(Double::isNaN).count();
            assertEquals(expected[vital.ordinal()], missing, vital.column());
        }
    }
}
