package fasterjava.corrset.search;

import fasterjava.corrset.data.Scores;

/**
 * A full k-corrset search: every K-subset of the questions, keeping the {@code top} best sets with at least
 * {@code minUsers} counted users.
 */
public record SearchRequest(Scores scores, int k, int minUsers, int top, int threads) {
    public static final int DEFAULT_MIN_USERS = 2;

    public SearchRequest {
        int questions = scores.questionCount();
        if (k < 1 || k > questions) {
            throw new IllegalArgumentException("K (questions per set) must be between 1 and the number of questions ("
                    + questions + "), got " + k);
        }
        if (minUsers < 2) {
            throw new IllegalArgumentException(
                    "the minimum of users per set must be at least 2 (r needs two users), got " + minUsers);
        }
        if (top < 1) {
            throw new IllegalArgumentException("the number of best sets kept must be at least 1, got " + top);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("the number of threads must be at least 1, got " + threads);
        }
    }
}
