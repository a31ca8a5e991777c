package fasterjava.vitals.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.vitals.Vital;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streaming generator against the in-memory one, value for value (NaN bits included). */
class VitalsStreamTest {

    @ParameterizedTest(name = "{0} patients x {1} days, blocks of {2}, {3} threads")
    @CsvSource({"1, 365, 1, 1", "1, 365, 7, 2", "3, 365, 2, 2", "999, 365, 37, 2", "1001, 365, 64, 3",
        "1000, 365, 1000, 2", "500, 1, 7, 2", "777, 2, 10, 2", "301, 7, 13, 4", "257, 3, 1, 2", "2, 1, 1, 2"})
    void streamingEqualsInMemory(int patients, int days, int perBlock, int threads) {
        GeneratedVitals expected = VitalsGenerator.generate(patients, days, 42);
        VitalsStream stream = VitalsStream.of(patients, days, 42, 0);
        // The consumer checks each block as it comes: a thread's next block reuses its arrays.
        Map<Integer, Integer> seen = new ConcurrentHashMap<>();
        stream.forEachBlock(perBlock, threads, block -> {
            assertBlockMatches(expected, block);
            Integer previous = seen.put(block.firstPatient(), block.patients());
            assertEquals(null, previous, "block at " + block.firstPatient() + " handed out twice");
        });
        int patient = 0;
        while (patient < patients) {
            Integer blockPatients = seen.remove(patient);
            assertTrue(blockPatients != null, "no block starts at patient " + patient);
            assertEquals(Math.min(perBlock, patients - patient), blockPatients);
            patient += blockPatients;
        }
        assertTrue(seen.isEmpty(), "blocks beyond the last patient: " + seen.keySet());

        // Another block size on the same stream: runs no longer start on checkpoints, so cursors seek.
        stream.forEachBlock(perBlock + 2, threads, block -> assertBlockMatches(expected, block));

        // The iterator's blocks keep their own arrays: check them all at the end.
        Iterator<VitalsBlock> inOrder = VitalsStream.of(patients, days, 42, 0).blocks(perBlock);
        List<VitalsBlock> kept = new ArrayList<>();
        inOrder.forEachRemaining(kept::add);
        patient = 0;
        for (VitalsBlock block : kept) {
            assertEquals(patient, block.firstPatient());
            assertBlockMatches(expected, block);
            patient += block.patients();
        }
        assertEquals(patients, patient);
    }

    @Test
    void streamed20000PatientsHaveTheSpecsRowStreamHash() {
        RowStreamHash hash = new RowStreamHash();
        VitalsStream.of(20_000, 365, 42, 0).blocks(1234).forEachRemaining(hash::add);
        assertEquals("c00b7b9e118fc0b9d26af6c9ac3bf7d5264367709d39ccc97289d341ef6cbdcd", hash.hex());
    }

    @Test
    void smallDataSetsComeFromMemoryWithTheSameValues() {
        GeneratedVitals expected = VitalsGenerator.generate(300, 365, 42);
        VitalsStream stream = VitalsStream.of(300, 365, 42);
        AtomicInteger rows = new AtomicInteger();
        stream.forEachBlock(64, 2, block -> {
            assertBlockMatches(expected, block);
            rows.addAndGet(block.rows());
        });
        assertEquals(300 * 365, rows.get());
        stream.blocks(100).forEachRemaining(block -> assertBlockMatches(expected, block));
    }

    @Test
    void theConsumersFirstExceptionStopsTheRunAndIsRethrown() {
        VitalsStream stream = VitalsStream.of(3000, 2, 42, 0);
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> stream.forEachBlock(10, 2, block -> {
                    if (calls.incrementAndGet() == 3) {
                        throw new IllegalStateException("consumer failed");
                    }
                }));
        assertEquals("consumer failed", thrown.getMessage());
        assertTrue(calls.get() < 300, "the other thread stopped early: " + calls.get() + " calls");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> VitalsStream.of(0, 365, 42));
        assertThrows(IllegalArgumentException.class, () -> VitalsStream.of(10, 0, 42));
        assertThrows(IllegalArgumentException.class, () -> VitalsStream.of(10, 365, -1));
        VitalsStream stream = VitalsStream.of(10, 365, 42);
        assertThrows(IllegalArgumentException.class, () -> stream.forEachBlock(0, 2, block -> { }));
        assertThrows(IllegalArgumentException.class, () -> stream.forEachBlock(5, 0, block -> { }));
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
