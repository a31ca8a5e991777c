package fasterjava.corrset.search;

import fasterjava.corrset.data.Scores;

/**
 * The answers turned around: per user, the questions they answered (ascending) with the scores, in one flat
 * array each (compressed rows). The prefix-tree engines walk a user's remaining questions from a position in
 * these arrays, which is what lets them touch only the answers that exist instead of every (user, question) cell.
 */
final class UserAnswers {
    /** User {@code u}'s answers are at positions {@code start[u] .. start[u + 1] - 1}. */
    int[] start;
    int[] questions;
    int[] scores;
    long[] grandTotals;
    int maxScore;
    /** For a compact copy ({@link #compactFrom}): each local user's index in the full data; else null. */
    int[] original;

    private UserAnswers(int[] start, int[] questions, int[] scores, long[] grandTotals, int maxScore) {
        this.start = start;
        this.questions = questions;
        this.scores = scores;
        this.grandTotals = grandTotals;
        this.maxScore = maxScore;
    }

    /** An empty holder for {@link #compactFrom}, reused unit after unit. */
    static UserAnswers reusable() {
        return new UserAnswers(new int[1], new int[0], new int[0], new long[0], 0);
    }

    /**
     * Makes this a compact copy of {@code full} for {@code count} users: local user i is {@code users[i]} with the
     * answers from {@code positions[i]} on. A unit's users are a few thousand scattered over the whole data; their
     * lists copied side by side stay in cache while the unit's thousands of nodes walk them again and again.
     */
    void compactFrom(UserAnswers full, int[] users, int[] positions, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += full.start[users[i] + 1] - positions[i];
        }
        if (start.length < count + 1) {
            start = new int[count + 1];
            grandTotals = new long[count];
            original = new int[count];
        }
        if (questions.length < total) {
            questions = new int[total];
            scores = new int[total];
        }
        int fill = 0;
        for (int i = 0; i < count; i++) {
            int user = users[i];
            int from = positions[i];
            int length = full.start[user + 1] - from;
            start[i] = fill;
            System.arraycopy(full.questions, from, questions, fill, length);
            System.arraycopy(full.scores, from, scores, fill, length);
            grandTotals[i] = full.grandTotals[user];
            original[i] = user;
            fill += length;
        }
        start[count] = fill;
        maxScore = full.maxScore;
    }

    static UserAnswers of(Scores data) {
        int users = data.userCount();
        int[] start = new int[users + 1];
        for (int q = 0; q < data.questionCount(); q++) {
            for (int user : data.answeredBy(q)) {
                start[user + 1]++;
            }
        }
        for (int u = 0; u < users; u++) {
            start[u + 1] += start[u];
        }
        int[] fill = start.clone();
        int[] questions = new int[start[users]];
        int[] scores = new int[start[users]];
        int maxScore = 0;
        // Questions are visited in ascending order, so each user's list comes out sorted.
        for (int q = 0; q < data.questionCount(); q++) {
            int[] who = data.answeredBy(q);
            int[] what = data.answerScores(q);
            for (int i = 0; i < who.length; i++) {
                int at = fill[who[i]]++;
                questions[at] = q;
                scores[at] = what[i];
                maxScore = Math.max(maxScore, what[i]);
            }
        }
        return new UserAnswers(start, questions, scores, data.grandTotals(), maxScore);
    }

    /** The distinct scores that occur, ascending. */
    int[] distinctScores() {
        return java.util.Arrays.stream(scores).distinct().sorted().toArray();
    }

    /** Position of {@code question} in {@code user}'s list; the user must have answered it. */
    int positionOf(int user, int question) {
        int low = start[user];
        int high = start[user + 1] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int q = questions[mid];
            if (q < question) {
                low = mid + 1;
            } else if (q > question) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("user " + user + " did not answer question " + question);
    }
}
