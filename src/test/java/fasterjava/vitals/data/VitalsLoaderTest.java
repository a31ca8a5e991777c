package fasterjava.vitals.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.data.BadInputException;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.VitalsTestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VitalsLoaderTest {

    @Test
    void patientsAreNumberedByFirstAppearanceAndRowsKeepTheirOrder(@TempDir Path dir) {
        VitalsTable table = VitalsLoader.load(VitalsTestData.write(dir, "order.csv", List.of(
                "zed,3,72.3,,80,98.61,97.5,16",
                "amy,0,70,120.5,81.25,,99,15",
                "zed,1,-1.5,+2,.5,5.,0.000123,1e2")));
        assertEquals(List.of("zed", "amy"), table.patientIds());
        assertArrayEquals(new int[] {0, 1, 0}, table.patients());
        assertArrayEquals(new int[] {3, 0, 1}, table.days());
        assertArrayEquals(new double[] {72.3, 70, -1.5}, table.values(Vital.HEART_RATE));
        assertArrayEquals(new double[] {Double.NaN, 120.5, 2}, table.values(Vital.SYSTOLIC_BP));
        assertArrayEquals(new double[] {80, 81.25, 0.5}, table.values(Vital.DIASTOLIC_BP));
        assertArrayEquals(new double[] {98.61, Double.NaN, 5}, table.values(Vital.TEMPERATURE));
        assertArrayEquals(new double[] {97.5, 99, 0.000123}, table.values(Vital.OXYGEN_SAT));
        assertArrayEquals(new double[] {16, 15, 100}, table.values(Vital.RESPIRATORY_RATE));
    }

    @Test
    void quotedIdsCrlfBomAndBlankLinesAreRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dialect.csv");
        String text = "\uFEFF" + String.join(",", Vital.INPUT_HEADER) + "\r\n"
                + "\"Smith, J.\",0,1,2,3,4,5,6\r\n"
                + "\r\n"
                + "\"two\nlines \"\"quoted\"\"\",1,1,2,3,4,5,\"6\"\r\n"
                + "Zoë,2,1,2,3,4,5,6\r\n"
                + "Zoë,1,1,2,3,4,5,6";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        VitalsTable table = VitalsLoader.load(file);
        assertEquals(List.of("Smith, J.", "two\nlines \"quoted\"", "Zoë"), table.patientIds());
        assertArrayEquals(new int[] {0, 1, 2, 2}, table.patients());
        assertArrayEquals(new double[] {6, 6, 6, 6}, table.values(Vital.RESPIRATORY_RATE));
    }

    /** Every number the fast path reads equals what {@link Double#parseDouble} makes of the same text. */
    @Test
    void numbersParseExactlyAsTheJdkParsesThem(@TempDir Path dir) {
        Random random = new Random(7);
        List<String> rows = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String text = switch (i % 4) {
                case 0 -> String.format("%.1f", random.nextGaussian() * 30 + 72);
                case 1 -> String.format("%.2f", random.nextGaussian() + 98.6);
                case 2 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(30) - 15));
                default -> String.valueOf(random.nextLong() % 10_000_000_000_000_000L) + "." + random.nextInt(1000);
            };
            rows.add("p," + i + "," + text + ",0,0,0,0,0");
            expected.add(Double.parseDouble(text));
        }
        double[] values = VitalsLoader.load(VitalsTestData.write(dir, "numbers.csv", rows))
                .values(Vital.HEART_RATE);
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected.get(i), values[i], 0.0, rows.get(i));
        }
    }

    @Test
    void aLargeFileLoadsThroughManyBufferRefills(@TempDir Path dir) {
        List<String> rows = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            for (int d = 0; d < 365; d++) {
                rows.add("patient-with-a-long-id-" + p + "," + d + ",72.3,120.1,,98.61,97,16");
            }
        }
        VitalsTable table = VitalsLoader.load(VitalsTestData.write(dir, "large.csv", rows));
        assertEquals(300, table.patientCount());
        assertEquals(300 * 365, table.rowCount());
        assertEquals(364, table.days()[table.rowCount() - 1]);
        assertEquals(299, table.patients()[table.rowCount() - 1]);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                // fixture, expected location (null: the whole file), expected field (null: none), message
                Arguments.of("missing-column.csv", "line 3", "respiratory_rate", "expected 8 fields"),
                Arguments.of("extra-column.csv", "line 2", null, "found 9"),
                Arguments.of("non-numeric-value.csv", "line 3", "systolic_bp", "expected a number or an empty "
                        + "field, found \"high\""),
                Arguments.of("nan-text.csv", "line 2", "heart_rate", "found \"NaN\""),
                Arguments.of("value-out-of-range.csv", "line 2", "oxygen_sat", "1e999 is out of range"),
                Arguments.of("negative-day.csv", "line 3", "day", "negative day -3"),
                Arguments.of("non-integer-day.csv", "line 3", "day", "day 1.5 is not a whole number"),
                Arguments.of("day-too-large.csv", "line 2", "day", "too large"),
                Arguments.of("empty-day.csv", "line 2", "day", "missing (empty)"),
                Arguments.of("empty-patient-id.csv", "line 2", "patient_id", "missing (empty)"),
                Arguments.of("duplicate-patient-day.csv", "line 5", "day", "patient \"p1\" already has day 0 "
                        + "(line 2)"),
                Arguments.of("duplicate-far-day.csv", "line 5", "day", "already has day 100000 (line 4)"),
                Arguments.of("empty-file.csv", null, null, "the file is empty"),
                Arguments.of("header-only.csv", null, null, "no data rows"),
                Arguments.of("wrong-header.csv", "line 1", null, "expected the header patient_id,day,"),
                Arguments.of("unclosed-quote.csv", "line 3", "patient_id", "quoted field is not closed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badInputGivesOneClearError(String fixture, String location, String field, String message) {
        Path file = VitalsTestData.resource("fixtures/vitals/bad/" + fixture);
        BadInputException error = assertThrows(BadInputException.class, () -> VitalsLoader.load(file));
        String text = error.getMessage();
        assertTrue(text.startsWith(file.toString()), "names the file: " + text);
        assertTrue(text.contains(message), "says what is wrong (" + message + "): " + text);
        assertEquals(1, text.lines().count(), "one line: " + text);
        assertEquals(location, error.location(), "names the line: " + text);
        if (field != null) {
            assertEquals(field, error.field(), "names the field: " + text);
        } else {
            assertNull(error.field(), text);
        }
    }

    @Test
    void everyBadFixtureIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(VitalsTestData.resource("fixtures/vitals/bad"))) {
            List<String> present = files.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> tested = badFiles().map(a -> (String) a.get()[0]).sorted().toList();
            assertEquals(present, tested);
        }
    }

    @Test
    void missingFileIsABadInput(@TempDir Path dir) {
        BadInputException error = assertThrows(BadInputException.class,
                () -> VitalsLoader.load(dir.resolve("nope.csv")));
        assertTrue(error.getMessage().endsWith("no such file"), error.getMessage());
    }

    @Test
    void duplicateLineIsFoundAfterQuotedLineBreaks(@TempDir Path dir) {
        Path file = VitalsTestData.write(dir, "shifted.csv", List.of("\"a\nb\",0,1,2,3,4,5,6", "", "c,0,1,2,3,4,5,6",
                "c,0,1,2,3,4,5,6"));
        BadInputException error = assertThrows(BadInputException.class, () -> VitalsLoader.load(file));
        assertEquals("line 6", error.location());
        assertTrue(error.getMessage().endsWith("patient \"c\" already has day 0 (line 5)"), error.getMessage());
    }
}
