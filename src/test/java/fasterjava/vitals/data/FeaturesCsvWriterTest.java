package fasterjava.vitals.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.vitals.FeaturesCsv;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsOracle;
import fasterjava.vitals.VitalsTestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCsvWriterTest {

    @Test
    void everyFixtureRoundTripsExactly(@TempDir Path dir) throws IOException {
        for (String name : VitalsTestData.EDGE_FIXTURES) {
            VitalsFeatures features = VitalsOracle.features(VitalsTestData.edge(name));
            Path file = dir.resolve(name + "-features.csv");
            FeaturesCsvWriter.write(features, file);
            VitalsFeatures read = FeaturesCsv.read(file);
            assertEquals(features.patientIds(), read.patientIds(), name);
            // Shortest round-trip decimals: the doubles come back bit for bit, not just within the tolerance.
            for (int i = 0; i < features.values().length; i++) {
                assertEquals(Double.doubleToLongBits(features.values()[i]), Double.doubleToLongBits(read.values()[i]),
                        name + " value #" + i);
            }
        }
    }

    @Test
    void nanIsEmptyCountsAreIntegersAndIdsAreQuotedWhenNeeded(@TempDir Path dir) throws IOException {
        VitalsFeatures features = VitalsOracle.features(VitalsTestData.edge("string-ids"));
        VitalsFeatures single = VitalsOracle.features(VitalsTestData.edge("single-value"));
        Path file = dir.resolve("out.csv");
        FeaturesCsvWriter.write(single, file);
        String line = Files.readAllLines(file).get(1);
        // m = 1: mean, NaN std (empty), min, max, range 0.0, trend 0.0, count 0, missing share.
        assertTrue(line.startsWith("single,70.2,,70.2,70.2,0.0,0.0,0,0.875,118.4,,"), line);
        FeaturesCsvWriter.write(features, file);
        List<String> ids = Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.startsWith("\"") ? l.substring(0, l.indexOf("\",") + 1) : l.substring(0, l.indexOf(',')))
                .toList();
        assertEquals(List.of("MRN-00017", "\"Smith, J.\"", "\"say \"\"hi\"\"\"", "Zoë", "42", "007", "a b"), ids);
        assertEquals(Optional.empty(), FeaturesCsv.read(file).firstMismatch(features, features.patientCount()));
    }

    @Test
    void nothingIsLeftBehindWhenWritingFails(@TempDir Path dir) throws IOException {
        VitalsFeatures features = VitalsOracle.features(VitalsTestData.edge("two-days"));
        Path missingDirectory = dir.resolve("no-such-dir").resolve("out.csv");
        assertThrows(IOException.class, () -> FeaturesCsvWriter.write(features, missingDirectory));
        Path file = dir.resolve("kept.csv");
        Files.writeString(file, "before");
        try (FeaturesCsvWriter writer = FeaturesCsvWriter.open(file)) {
            writer.append(FeaturesCsvWriter.format(features));
            // Closed without a commit, as when an error interrupts a run.
        }
        assertEquals("before", Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file left");
        }
    }

    @Test
    void headerIsTheSpecsColumnOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("h.csv");
        FeaturesCsvWriter.write(new VitalsFeatures(List.of()), file);
        String header = Files.readString(file);
        assertTrue(header.startsWith("patient_id,heart_rate_mean,heart_rate_std,"), header);
        assertTrue(header.endsWith(Vital.RESPIRATORY_RATE.column() + "_missing_pct\n"), header);
        assertFalse(header.contains(" "));
    }
}
