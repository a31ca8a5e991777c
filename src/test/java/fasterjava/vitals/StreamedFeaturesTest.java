package fasterjava.vitals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.util.Progress;
import fasterjava.vitals.data.FeaturesCsvWriter;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import fasterjava.vitals.journey.StreamedFeatures;
import fasterjava.vitals.steps.Step04FusedPass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed run gives the in-memory features, file and checksum, whatever the number of threads. */
class StreamedFeaturesTest {
    /** More than one part, the last one short. */
    private static final int PATIENTS = FeatureChecksum.PATIENTS_PER_PART + 91;
    private static final int DAYS = 40;
    private static final long SEED = 7;

    @Test
    void streamedEqualsInMemoryOnAnyNumberOfThreads(@TempDir Path dir) throws IOException {
        VitalsTable table = VitalsLoader.table(VitalsGenerator.generate(PATIENTS, DAYS, SEED));
        Step04FusedPass inMemory = new Step04FusedPass();
        inMemory.prepare(table);
        VitalsFeatures expected = inMemory.compute(PATIENTS);
        Path expectedFile = dir.resolve("in-memory.csv");
        FeaturesCsvWriter.write(expected, expectedFile);
        StreamedFeatures.Result previous = null;
        for (int threads : new int[] {1, 2, 3}) {
            Path out = dir.resolve("streamed-" + threads + ".csv");
            StreamedFeatures.Result result = StreamedFeatures.run(PATIENTS, DAYS, SEED, threads, out, Progress.NONE);
            assertEquals(Optional.empty(), FeaturesCsv.read(out).firstMismatch(expected, PATIENTS),
                    threads + " threads");
            assertEquals(PATIENTS, result.patients());
            assertEquals((long) PATIENTS * DAYS, result.rows());
            assertTrue(result.seconds() > 0 && result.featuresCpuSeconds() > 0 && result.generateCpuSeconds() > 0,
                    result.toString());
            assertTrue(result.peakHeapMb() > 0, result.toString());
            assertEquals(48, result.checksum().size());
            if (previous != null) {
                // Fixed order of additions: the same bits on any number of threads, and the same file.
                assertEquals(previous.checksum(), result.checksum());
                assertArrayEquals(Files.readAllBytes(dir.resolve("streamed-1.csv")), Files.readAllBytes(out));
            }
            previous = result;
        }
        VitalsFeatures streamed = FeaturesCsv.read(dir.resolve("streamed-1.csv"));
        assertEquals(FeatureChecksum.of(streamed), previous.checksum());
        double[] sums = new double[1];
        for (int p = 0; p < PATIENTS; p++) {
            sums[0] += expected.get(p, Vital.HEART_RATE, Feature.N_ANOMALIES);
        }
        assertEquals(sums[0], previous.checksum().get("heart_rate_n_anomalies"));
    }

    @Test
    void withoutAnOutputFileNothingIsWritten(@TempDir Path dir) throws IOException {
        StreamedFeatures.Result result = StreamedFeatures.run(3, 5, 42, 2, null, Progress.NONE);
        assertEquals(3, result.patients());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
