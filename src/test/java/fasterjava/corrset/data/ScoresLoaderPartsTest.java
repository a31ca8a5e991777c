package fasterjava.corrset.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large JSON files are parsed in parts at once; whatever the cut, the model and the errors are those of one piece. */
class ScoresLoaderPartsTest {

    @Test
    void partsGiveTheModelOfOnePiece(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scores.json");
        ScoresGenerator.write(new ScoresGenerator.Shape(3000, 30, 200, 7), file);
        Scores whole = ScoresLoader.loadJson(file, 1);
        for (int parts = 2; parts <= 5; parts++) {
            Scores inParts = ScoresLoader.loadJsonInParts(file, parts);
            assertNotNull(inParts, parts + " parts");
            assertSameModel(whole, inParts);
        }
    }

    @Test
    void aCutInsideAnIdIsFoundOutAndTheFileReadInOnePiece(@TempDir Path dir) throws IOException {
        // The middle of the file lies inside one long id full of what looks like row boundaries, even whole rows.
        String fake = "},{\"user\":\"x\",\"question\":\"q9\",\"score\":1},{";
        String longId = "u" + fake.repeat(2000);
        String json = "[{\"user\":\"a\",\"question\":\"q1\",\"score\":1},"
                + "{\"user\":\"" + longId.replace("\"", "\\\"") + "\",\"question\":\"q1\",\"score\":0},"
                + "{\"user\":\"b\",\"question\":\"q2\",\"score\":1}]\n";
        Path file = dir.resolve("tricky.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        assertNull(ScoresLoader.loadJsonInParts(file, 2));
        Scores scores = ScoresLoader.loadJson(file, 2);
        assertEquals(3, scores.rowCount());
        assertEquals(longId, scores.userIds().get(1));
        assertEquals(java.util.List.of("q1", "q2"), scores.questionIds());
    }

    @Test
    void aBadRowInALaterPartIsReportedAsInOnePiece(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        ScoresGenerator.write(new ScoresGenerator.Shape(2000, 20, 200, 3), file);
        String text = Files.readString(file);
        int last = text.lastIndexOf("\"score\":");
        Files.writeString(file, text.substring(0, last) + "\"score\":-1" + text.substring(last + 9));
        assertNull(ScoresLoader.loadJsonInParts(file, 3));
        String inOne = assertThrows(BadInputException.class, () -> ScoresLoader.loadJson(file, 1)).getMessage();
        String inParts = assertThrows(BadInputException.class, () -> ScoresLoader.loadJson(file, 3)).getMessage();
        assertEquals(inOne, inParts);
        assertEquals(true, inOne.contains("row 8000"), inOne);
    }

    @Test
    void aDuplicateAcrossPartsNamesBothRows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("twice.json");
        ScoresGenerator.write(new ScoresGenerator.Shape(2000, 20, 200, 5), file);
        String text = Files.readString(file);
        String firstRow = text.substring(1, text.indexOf('}') + 1);
        Files.writeString(file, text.substring(0, text.length() - 2) + "," + firstRow + "]\n");
        String inOne = assertThrows(BadInputException.class, () -> ScoresLoader.loadJson(file, 1)).getMessage();
        String inParts = assertThrows(BadInputException.class, () -> ScoresLoader.loadJson(file, 4)).getMessage();
        assertEquals(inOne, inParts);
        assertEquals(true, inOne.contains("duplicate answer") && inOne.contains("row 1"), inOne);
    }

    private static void assertSameModel(Scores expected, Scores actual) {
        assertEquals(expected.userIds(), actual.userIds());
        assertEquals(expected.questionIds(), actual.questionIds());
        assertArrayEquals(expected.rowUsers(), actual.rowUsers());
        assertArrayEquals(expected.rowQuestions(), actual.rowQuestions());
        assertArrayEquals(expected.grandTotals(), actual.grandTotals());
        for (int q = 0; q < expected.questionCount(); q++) {
            assertArrayEquals(expected.answeredBy(q), actual.answeredBy(q));
            assertArrayEquals(expected.answerScores(q), actual.answerScores(q));
        }
    }
}
