package fasterjava.corrset.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoresLoaderTest {

    @Test
    void csvAndJsonWithQuotesLoadTheSameModel() {
        Scores csv = ScoresLoader.load(TestData.resource("fixtures/good/quoted.csv"));
        Scores json = ScoresLoader.load(TestData.resource("fixtures/good/quoted.json"));
        for (Scores scores : List.of(csv, json)) {
            assertEquals(List.of("q1", "q2"), scores.questionIds());
            assertEquals(List.of("alice, the first", "bob", "carol \"c\""), scores.userIds());
            assertArrayEquals(new int[] {0, 1}, scores.answeredBy(0));
            assertArrayEquals(new int[] {0, 2}, scores.answeredBy(1));
            assertArrayEquals(new int[] {3, 2}, scores.answerScores(1));
            assertArrayEquals(new long[] {4, 0, 2}, scores.grandTotals());
            assertEquals(4, scores.rowCount());
        }
    }

    @Test
    void indicesFollowFirstAppearanceAndUsersAreSortedPerQuestion(@TempDir Path dir) {
        Scores scores = TestData.write(dir, "order.csv", List.of("zed,qB,1", "amy,qA,2", "amy,qB,0", "bob,qB,5"));
        assertEquals(List.of("qB", "qA"), scores.questionIds());
        assertEquals(List.of("zed", "amy", "bob"), scores.userIds());
        assertArrayEquals(new int[] {0, 1, 2}, scores.answeredBy(0));
        assertArrayEquals(new int[] {1, 0, 5}, scores.answerScores(0));
        assertArrayEquals(new long[] {1, 2, 5}, scores.grandTotals());
        assertArrayEquals(new int[] {0, 1, 1, 2}, scores.rowUsers());
        assertArrayEquals(new int[] {0, 1, 0, 0}, scores.rowQuestions());
    }

    @Test
    void committedSampleLoadsWithTheArticlesShape() {
        Scores scores = ScoresLoader.load(Path.of("data/scores-6000x20-seed42.json"));
        assertEquals(24_000, scores.rowCount());
        assertEquals(20, scores.questionCount());
        for (int q = 0; q < 20; q++) {
            assertEquals(1200, scores.answeredBy(q).length);
        }
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                // fixture, expected location fragment (null: whole file), expected field (null: none), message
                Arguments.of("malformed-json.json", "row 2", null, "malformed JSON"),
                Arguments.of("missing-field.json", "row 2", "question", "missing"),
                Arguments.of("missing-field.csv", "row 2 (line 3)", "score", "expected 3 fields"),
                Arguments.of("wrong-type-user.json", "row 2", "user", "expected a string id, found a number"),
                Arguments.of("wrong-type-score.json", "row 1", "score", "found a string"),
                Arguments.of("non-integer-score.json", "row 2", "score", "non-negative integer, found 0.5"),
                Arguments.of("non-integer-score.csv", "row 2 (line 3)", "score", "found \"one\""),
                Arguments.of("negative-score.json", "row 2", "score", "negative score -1"),
                Arguments.of("negative-score.csv", "row 2 (line 3)", "score", "negative score -3"),
                Arguments.of("duplicate-pair.json", "row 3", "user", "already answered question \"q1\" at row 1"),
                Arguments.of("duplicate-pair.csv", "row 4", "user", "already answered question \"q1\" at row 2"),
                Arguments.of("empty-file.json", null, null, "the file is empty"),
                Arguments.of("empty-file.csv", null, null, "the file is empty"),
                Arguments.of("empty-array.json", null, null, "no data rows"),
                Arguments.of("header-only.csv", null, null, "no data rows"),
                Arguments.of("bad-header.csv", "line 1", null, "expected the header user,question,score"),
                Arguments.of("extra-field.json", "row 1", "weight", "unexpected field"),
                Arguments.of("trailing-garbage.json", null, null, "malformed JSON"),
                Arguments.of("unclosed-quote.csv", "line 2", null, "quoted field is not closed"),
                Arguments.of("too-many-fields.csv", "row 1 (line 2)", null, "found 4"),
                Arguments.of("score-too-large.json", "row 1", "score", "too large"),
                // Scores are 31-bit: 2^31 is the first refused (2^31 - 1 loads, see scoresAtTheLimitsLoad).
                Arguments.of("score-over-31-bits.csv", "row 1 (line 2)", "score",
                        "score 2147483648 is too large (at most 2147483647)"),
                Arguments.of("score-over-31-bits.json", "row 1", "score",
                        "score 2147483648 is too large (at most 2147483647)"),
                Arguments.of("score-three-billion.csv", "row 1 (line 2)", "score",
                        "score 3000000000 is too large (at most 2147483647)"),
                // 2 users x grand total 1,518,500,250 > floor(sqrt(2^63 - 1)) = 3,037,000,499 (one less loads).
                Arguments.of("sums-over-exact-limit.csv", null, "score",
                        "2 users x largest grand total 1518500250 exceeds 3037000499"),
                Arguments.of("not-an-array.json", null, null, "expected a JSON array"),
                Arguments.of("field-twice.json", "row 2", "user", "given twice"),
                Arguments.of("empty-id.json", "row 2", "user", "empty id"),
                Arguments.of("null-score.json", "row 2", "score", "found null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badInputGivesOneClearError(String fixture, String location, String field, String message) {
        Path file = TestData.resource("fixtures/bad/" + fixture);
        BadInputException error = assertThrows(BadInputException.class, () -> ScoresLoader.load(file));
        String text = error.getMessage();
        assertTrue(text.startsWith(file.toString()), "names the file: " + text);
        assertTrue(text.contains(message), "says what is wrong (" + message + "): " + text);
        if (location != null) {
            assertTrue(error.location() != null && error.location().startsWith(location),
                    "names the row (" + location + "): " + text);
        }
        if (field != null) {
            assertEquals(field, error.field(), "names the field: " + text);
        } else {
            assertNull(error.field(), text);
        }
    }

    @Test
    void everyBadFixtureIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(TestData.resource("fixtures/bad"))) {
            List<String> present = files.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> tested = badFiles().map(a -> (String) a.get()[0]).sorted().toList();
            assertEquals(present, tested);
        }
    }

    @Test
    void missingFileIsABadInput(@TempDir Path dir) {
        BadInputException error = assertThrows(BadInputException.class,
                () -> ScoresLoader.load(dir.resolve("nope.json")));
        assertTrue(error.getMessage().endsWith("no such file"), error.getMessage());
    }

    @Test
    void formatIsSniffedWithoutAnExtension(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("scores.data");
        Files.writeString(json, " [{\"user\":\"a\",\"question\":\"q\",\"score\":1}]");
        assertEquals(1, ScoresLoader.load(json).rowCount());
        Path csv = dir.resolve("scores.txt");
        Files.writeString(csv, "user,question,score\na,q,1\n");
        assertEquals(1, ScoresLoader.load(csv).rowCount());
    }

    @Test
    void scoresAtTheLimitsLoad() {
        for (String name : List.of("score-at-31-bits.csv", "score-at-31-bits.json")) {
            Scores scores = ScoresLoader.load(TestData.resource("fixtures/good/" + name));
            assertArrayEquals(new int[] {Integer.MAX_VALUE}, scores.answerScores(0), name);
        }
        Scores atLimit = ScoresLoader.load(TestData.resource("fixtures/good/sums-at-exact-limit.csv"));
        assertEquals(ScoresBuilder.EXACT_PRODUCT_LIMIT / 2, atLimit.grandTotals()[0]);
    }

    @Test
    void scoresThatCouldOverflowExactSumsAreRejected(@TempDir Path dir) {
        BadInputException error = assertThrows(BadInputException.class, () -> TestData.write(dir, "big.csv",
                List.of("a,q1,2000000000", "a,q2,2000000000", "b,q1,1")));
        assertTrue(error.getMessage().contains("too large for exact 64-bit sums"), error.getMessage());
    }
}
