package fasterjava.corrset.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fasterjava.corrset.data.Scores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAnswersTest {
    @TempDir
    Path dir;

    /** Each local user's (question, score) pairs from its start to its end, and its original index and y. */
    private static List<String> lists(UserAnswers unit, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder(unit.original[i] + " y=" + unit.grandTotals[i] + ":");
            for (int p = unit.start[i]; p < unit.end[i]; p++) {
                line.append(' ').append(unit.questions[p]).append('/').append(unit.scores[p]);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** What a unit's user i should hold: user {@code users[i]}'s answers to questions after {@code after}. */
    private static List<String> expected(Scores scores, int[] users, int after) {
        List<String> out = new ArrayList<>();
        for (int user : users) {
            StringBuilder line = new StringBuilder(user + " y=" + scores.grandTotals()[user] + ":");
            for (int q = after + 1; q < scores.questionCount(); q++) {
                int[] who = scores.answeredBy(q);
                for (int j = 0; j < who.length; j++) {
                    if (who[j] == user) {
                        line.append(' ').append(q).append('/').append(scores.answerScores(q)[j]);
                    }
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    @Test
    void sharedAndCompactViewsHoldTheSameListsAndNeitherWritesIntoTheFullData() {
        Scores scores = SearchFixtures.random(dir, 5, 30, 9, 0.6, 2);
        UserAnswers full = UserAnswers.of(scores);
        int[] fullQuestions = full.questions.clone();
        int[] fullScores = full.scores.clone();
        int question = 2;
        int[] users = scores.answeredBy(question);
        int[] positions = new int[users.length];
        for (int i = 0; i < users.length; i++) {
            positions[i] = full.positionOf(users[i], question) + 1;
        }
        List<String> want = expected(scores, users, question);
        UserAnswers unit = UserAnswers.reusable();
        // One holder, reused in both orders as a walker does unit after unit.
        unit.shareFrom(full, users, positions, users.length);
        assertEquals(want, lists(unit, users.length));
        unit.compactFrom(full, users, positions, users.length);
        assertEquals(want, lists(unit, users.length));
        unit.shareFrom(full, users, positions, users.length);
        assertEquals(want, lists(unit, users.length));
        unit.compactFrom(full, users, positions, users.length);
        assertEquals(want, lists(unit, users.length));
        assertArrayEquals(fullQuestions, full.questions);
        assertArrayEquals(fullScores, full.scores);
    }

    @Test
    void fullDataEndsWhereTheNextUserStarts() {
        Scores scores = SearchFixtures.random(dir, 6, 12, 5, 0.5, 1);
        UserAnswers full = UserAnswers.of(scores);
        for (int u = 0; u + 1 < scores.userCount(); u++) {
            assertEquals(full.start[u + 1], full.end[u]);
        }
        assertEquals(full.questions.length, full.end[scores.userCount() - 1]);
    }
}
