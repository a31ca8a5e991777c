package fasterjava.corrset.search;

import fasterjava.corrset.data.Scores;

/**
 * The answers turned around: per user, the questions they answered (ascending) with the scores, in one flat
 * array each (compressed rows). The prefix-tree engines walk a user's remaining questions from a position in
 * these arrays, which is what lets them touch only the answers that exist instead of every (user, question) cell.
 */
final class UserAnswers {
    /** User {@code u}'s answers are at positions {@code start[u] .. end[u] - 1}. */
    int[] start;
    int[] end;
    int[] questions;
    int[] scores;
    long[] grandTotals;
    int maxScore;
    /** For a unit's users ({@link #compactFrom}, {@link #shareFrom}): each one's index in the full data; else null. */
    int[] original;
    /** The lists {@link #compactFrom} copies into, kept apart so that a shared view never writes into full data. */
    private int[] ownQuestions = new int[0];
    private int[] ownScores = new int[0];

    private UserAnswers(int[] start, int[] end, int[] questions, int[] scores, long[] grandTotals, int maxScore) {
        this.start = start;
        this.end = end;
        this.questions = questions;
        this.scores = scores;
        this.grandTotals = grandTotals;
        this.maxScore = maxScore;
    }

    /** An empty holder for {@link #compactFrom} and {@link #shareFrom}, reused unit after unit. */
    static UserAnswers reusable() {
        return new UserAnswers(new int[0], new int[0], new int[0], new int[0], new long[0], 0);
    }

    /**
     * Makes this a compact copy of {@code full} for {@code count} users: local user i is {@code users[i]} with the
     * answers from {@code positions[i]} on. A unit's users are a few thousand scattered over the whole data; their
     * lists copied side by side stay in cache while the unit's thousands of nodes walk them again and again.
     */
    void compactFrom(UserAnswers full, int[] users, int[] positions, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += full.end[users[i]] - positions[i];
        }
        makeRoom(count);
        if (ownQuestions.length < total) {
            ownQuestions = new int[total];
            ownScores = new int[total];
        }
        questions = ownQuestions;
        scores = ownScores;
        int fill = 0;
        for (int i = 0; i < count; i++) {
            int user = users[i];
            int from = positions[i];
            int length = full.end[user] - from;
            start[i] = fill;
            System.arraycopy(full.questions, from, questions, fill, length);
            System.arraycopy(full.scores, from, scores, fill, length);
            grandTotals[i] = full.grandTotals[user];
            original[i] = user;
            fill += length;
            end[i] = fill;
        }
        maxScore = full.maxScore;
    }

    /**
     * As {@link #compactFrom}, but the lists stay where they are in {@code full}: for a unit whose lists are read
     * once, copying them would cost more than it saves.
     */
    void shareFrom(UserAnswers full, int[] users, int[] positions, int count) {
        makeRoom(count);
        questions = full.questions;
        scores = full.scores;
        for (int i = 0; i < count; i++) {
            int user = users[i];
            start[i] = positions[i];
            end[i] = full.end[user];
            grandTotals[i] = full.grandTotals[user];
            original[i] = user;
        }
        maxScore = full.maxScore;
    }

    private void makeRoom(int count) {
        if (start.length < count) {
            start = new int[count];
            end = new int[count];
            grandTotals = new long[count];
            original = new int[count];
        }
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
        return new UserAnswers(start, java.util.Arrays.copyOfRange(start, 1, users + 1), questions, scores,
                data.grandTotals(), maxScore);
    }

    /** The distinct scores that occur, ascending. */
    int[] distinctScores() {
        return java.util.Arrays.stream(scores).distinct().sorted().toArray();
    }

    /** Position of {@code question} in {@code user}'s list; the user must have answered it. */
    int positionOf(int user, int question) {
        int low = start[user];
        int high = end[user] - 1;
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
