package fasterjava.vitals.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.vitals.Vital;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streaming generator against the in-memory one, value for value (NaN bits included). */
class VitalsStreamTest {

    @ParameterizedTest(name = "{0} patients x {1} days, blocks of {2}, {3} threads")
    @CsvSource({"1, 365, 1, 1", "1, 365, 7, 2", "3, 365, 2, 2", "999, 365, 37, 2", "1001, 365, 64, 3",
        "1000, 365, 1000, 2", "500, 1, 7, 2", "777, 2, 10, 2", "301, 7, 13, 4", "257, 3, 1, 2", "2, 1, 1, 2"})
    void streamingEqualsInMemory(int patients, int days, int perBlock, int threads) {
        GeneratedVitals expected = VitalsGenerator.generate(patients, days, 42);
        VitalsStream stream = VitalsStream.of(patients, days, 42);
        Map<Integer, VitalsBlock> seen = new ConcurrentHashMap<>();
        stream.forEachBlock(perBlock, threads, block -> {
            VitalsBlock previous = seen.put(block.firstPatient(), block);
            assertEquals(null, previous, "block at " + block.firstPatient() + " handed out twice");
        });
        int patient = 0;
        while (patient < patients) {
            VitalsBlock block = seen.remove(patient);
            assertTrue(block != null, "no block starts at patient " + patient);
            assertBlockMatches(expected, block);
            patient += block.patients();
        }
        assertTrue(seen.isEmpty(), "blocks beyond the last patient: " + seen.keySet());

        // Another block size on the same stream: runs no longer start on checkpoints, so cursors seek.
        stream.forEachBlock(perBlock + 2, threads, block -> assertBlockMatches(expected, block));

        Iterator<VitalsBlock> inOrder = VitalsStream.of(patients, days, 42).blocks(perBlock);
        patient = 0;
        while (inOrder.hasNext()) {
            VitalsBlock block = inOrder.next();
            assertEquals(patient, block.firstPatient());
            assertBlockMatches(expected, block);
            patient += block.patients();
        }
        assertEquals(patients, patient);
    }

    static void assertBlockMatches(GeneratedVitals expected, VitalsBlock block) {
        int from = block.firstPatient() * expected.days();
        for (Vital vital : Vital.values()) {
            double[] all = expected.values()[vital.ordinal()];
            double[] want = java.util.Arrays.copyOfRange(all, from, from + block.rows());
            long[] wantBits = java.util.Arrays.stream(want).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] gotBits = java.util.Arrays.stream(block.values()[vital.ordinal()])
                    .mapToLong(Double::doubleToRawLongBits).toArray();
            assertArrayEquals(wantBits, gotBits, vital.column() + " of block at patient " + block.firstPatient());
        }
    }
}
