package fasterjava.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.CorrsetResult;
import fasterjava.vitals.VitalsFeatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Parsing what a Python runner prints, and verifying it: a fixture per kind of bad output. */
class PeerOutputTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/peers");
    private static final CorrsetPeers CORRSET = new CorrsetPeers();

    private static PeerOutput<CorrsetResult> corrset(String fixture) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(FIXTURES.resolve(fixture))) {
            return PeerOutput.parse(in, fixture, CORRSET.itemKind(), List.of("numba-serial"), CORRSET::newItems);
        }
    }

    @Test
    void goodOutputGivesTheTimingAndEveryItem() throws IOException {
        PeerOutput<CorrsetResult> output = corrset("good-corrset.jsonl");
        assertEquals("Python 3.11.2, numpy 1.24.2", output.environment());
        PeerOutput.Run<CorrsetResult> run = output.runs().get("numba-serial");
        assertEquals(new PeerTiming("numba-serial", 2, 3, 0.002, 0.1, 0.8, 1), run.timing());
        assertEquals(1e6, run.timing().nanosPerItem(), 1e-6);
        assertEquals(0.5, run.result().r()[0]);
        assertTrue(Double.isNaN(run.result().r()[1]), "null is an undefined r");
        assertEquals(1, run.result().n()[1]);
    }

    @Test
    void aWrongRFailsVerificationAtThatCombination() throws IOException {
        CorrsetResult printed = corrset("wrong-r.jsonl").runs().get("numba-serial").result();
        CorrsetResult java = new CorrsetResult(new double[] {0.5, 0.25}, new int[] {3, 4});
        String mismatch = CORRSET.mismatch(java, printed, 2).orElseThrow();
        assertTrue(mismatch.startsWith("combination #1: expected r=0.25"), mismatch);
        assertTrue(CORRSET.mismatch(java, printed, 1).isEmpty(), "the first combination is right");
    }

    @Test
    void aDifferentUserCountFailsVerificationEvenWithTheSameR() {
        CorrsetResult java = new CorrsetResult(new double[] {0.5}, new int[] {3});
        CorrsetResult python = new CorrsetResult(new double[] {0.5}, new int[] {4});
        assertTrue(CORRSET.mismatch(java, python, 1).orElseThrow().contains("(n=4)"));
    }

    @Test
    void undefinedMustBeUndefinedOnBothSides() {
        CorrsetResult java = new CorrsetResult(new double[] {Double.NaN}, new int[] {1});
        CorrsetResult python = new CorrsetResult(new double[] {0.0}, new int[] {1});
        assertTrue(CORRSET.mismatch(java, python, 1).isPresent());
        assertTrue(CORRSET.mismatch(java, java, 1).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not-json.jsonl|not-json.jsonl: line 2: not a JSON object",
        "items-out-of-order.jsonl|items-out-of-order.jsonl: line 2: expected combination #0, got #1",
        "timing-count-differs.jsonl|line 3: timing says 2 items, but 1 item lines came before it",
        "no-timing.jsonl|no timing line for version 'numba-serial'",
        "unknown-version.jsonl|line 2: version 'numba-turbo' was not asked for",
        "r-not-a-number.jsonl|line 2: field 'r' missing or not a number or null",
        "negative-time.jsonl|line 3: field 'best_seconds' must be a positive number"})
    void badOutputFailsWithTheLineAndTheReason(String fixture, String expected) {
        PeerException error = assertThrows(PeerException.class, () -> corrset(fixture));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void vitalsFeaturesMustBeFortyEight() throws IOException {
        VitalsPeers side = new VitalsPeers(Path.of("unused.csv"));
        try (BufferedReader in = Files.newBufferedReader(FIXTURES.resolve("vitals-short-features.jsonl"))) {
            PeerException error = assertThrows(PeerException.class, () -> PeerOutput.<VitalsFeatures>parse(in,
                    "short", side.itemKind(), List.of("numba-serial"), side::newItems));
            assertTrue(error.getMessage().contains("line 2: field 'features' must be an array of 48 numbers"),
                    error.getMessage());
        }
    }
}
