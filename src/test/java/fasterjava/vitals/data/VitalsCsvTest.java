package fasterjava.vitals.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.util.AtomicFile;
import fasterjava.util.Progress;
import fasterjava.vitals.Vital;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VitalsCsvTest {

    @Test
    void valuesAreWrittenAsTheirShortestDecimalLikeDoubleToString() {
        byte[] out = new byte[64];
        for (int decimals = 1; decimals <= 2; decimals++) {
            double scale = decimals == 1 ? 10 : 100;
            for (int units = -300_000; units <= 300_000; units++) {
                double value = units / scale;
                String expected = Double.toString(value);
                assertFalse(expected.contains("E"), expected);
                int length = CsvRowEncoder.writeValue(out, 0, value, decimals);
                assertEquals(expected, new String(out, 0, length, StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void missingNegativeZeroIntegersAndForeignValues() {
        assertEquals("", written(Double.NaN, 1));
        assertEquals("-0.0", written(-0.0, 1));
        assertEquals("0.0", written(0.0, 2));
        assertEquals("16", written(16, 0));
        assertEquals("-3", written(-3, 0));
        // Not a generated value: falls back to Double.toString.
        assertEquals("0.123", written(0.123, 1));
        assertEquals("1.5", written(1.5, 0));
        assertEquals("1.0E20", written(1e20, 0));
        assertEquals("1.0E20", written(1e20, 1));
    }

    private static String written(double value, int decimals) {
        byte[] out = new byte[64];
        return new String(out, 0, CsvRowEncoder.writeValue(out, 0, value, decimals), StandardCharsets.US_ASCII);
    }

    @Test
    void aForeignValueAnywhereSendsTheRowsThroughTheCheckedPath() throws IOException {
        double[] column = new double[101];
        for (int i = 0; i < column.length; i++) {
            column[i] = i % 7 == 0 ? Double.NaN : (i - 50) / 10.0;
        }
        assertTrue(CsvRowEncoder.allGenerated(column, 0, column.length, 1));
        assertFalse(CsvRowEncoder.allGenerated(column, 0, column.length, 0));
        for (int at : new int[] {0, 3, 50, 99, 100}) {
            double[] foreign = column.clone();
            foreign[at] = 0.123;
            assertFalse(CsvRowEncoder.allGenerated(foreign, 0, foreign.length, 1), "foreign value at " + at);
        }
        double[][] values = new double[Vital.values().length][2];
        values[Vital.HEART_RATE.ordinal()] = new double[] {72.3, 0.123};
        values[Vital.TEMPERATURE.ordinal()] = new double[] {Double.NaN, 98.6};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        VitalsCsv.write(List.of(new VitalsBlock(4, 1, 2, values)).iterator(), out);
        assertEquals(List.of(String.join(",", Vital.INPUT_HEADER), "4,0,72.3,0.0,0.0,,0.0,0",
                "4,1,0.123,0.0,0.0,98.6,0.0,0"), out.toString(StandardCharsets.US_ASCII).lines().toList());
    }

    @Test
    void headerAndFirstRows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("two.csv");
        VitalsCsv.write(VitalsGenerator.generate(2, 2, 42), file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", Vital.INPUT_HEADER), lines.get(0));
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("0,0,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("1,1,"), lines.get(4));
    }

    @Test
    void streamedFileOf1000PatientsMatchesTheSpec(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vitals.csv");
        VitalsCsv.write(VitalsStream.of(1000, 365, 42, 0), file, Progress.NONE);
        assertEquals(13_347_495, Files.size(file));
        assertEquals("08615e324db3885243ce2c1acbcdaca2", VitalsGeneratorTest.md5(Files.readAllBytes(file)));
        assertEquals(List.of(file), list(dir), "no temporary file left");
    }

    @Test
    void aFailedWriteLeavesNothingAndNamesTheFileAndReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("full.csv");
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + file + ": No space left on device", failure.getMessage());
        assertEquals(List.of(), list(dir));
    }

    @Test
    void anUnwritableDestinationFailsBeforeGenerating(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("vitals.csv");
        IOException failure = assertThrows(IOException.class,
                () -> VitalsCsv.write(VitalsStream.of(2_000_000, 365, 42), file, Progress.NONE));
        assertTrue(failure.getMessage().startsWith("cannot write " + file + ": "), failure.getMessage());
        assertEquals(List.of(notADirectory), list(dir));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
