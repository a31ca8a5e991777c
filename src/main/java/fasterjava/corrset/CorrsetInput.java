package fasterjava.corrset;

import fasterjava.corrset.data.Scores;

/**
 * What every k-corrset ladder step is prepared with: the indexed data and the set size K. Work item {@code i} is
 * the {@code i}-th K-subset of the questions in lexicographic order.
 */
public record CorrsetInput(Scores scores, int k) {
    public CorrsetInput {
        int questions = scores.questionCount();
        if (k < 1 || k > questions) {
            throw new IllegalArgumentException("K must be between 1 and the number of questions (" + questions
                    + "), got " + k);
        }
    }

    /** Number of work items: C(Q, K), capped at {@link Integer#MAX_VALUE} (the ladder times prefixes only). */
    public int combinationLimit() {
        var count = Combinations.count(scores.questionCount(), k);
        return count.bitLength() < 32 ? count.intValueExact() : Integer.MAX_VALUE;
    }
}
