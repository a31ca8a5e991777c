package fasterjava.corrset;

import fasterjava.corrset.data.Scores;
import java.util.HashMap;
import java.util.Map;

/**
 * The simplest obviously-correct k-corrset: per combination, look each user's answers up in a map, keep users who
 * answered all K questions, and accumulate the six exact sums. Used by tests only, as the reference every step
 * and search must equal.
 */
public final class Oracle {
    private final Scores scores;
    private final Map<Integer, Map<Integer, Integer>> answersByUser = new HashMap<>();

    public Oracle(Scores scores) {
        this.scores = scores;
        for (int q = 0; q < scores.questionCount(); q++) {
            int[] users = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            for (int i = 0; i < users.length; i++) {
                answersByUser.computeIfAbsent(users[i], u -> new HashMap<>()).put(q, values[i]);
            }
        }
    }

    /** The six sums of one combination: {n, Sa, Sb, Sab, Saa, Sbb}. */
    public long[] sums(int[] questions) {
        long n = 0, sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
        for (int user = 0; user < scores.userCount(); user++) {
            Map<Integer, Integer> answers = answersByUser.getOrDefault(user, Map.of());
            long x = 0;
            boolean all = true;
            for (int q : questions) {
                Integer score = answers.get(q);
                if (score == null) {
                    all = false;
                    break;
                }
                x += score;
            }
            if (all) {
                long y = scores.grandTotals()[user];
                n++;
                sa += x;
                sb += y;
                sab += x * y;
                saa += x * x;
                sbb += y * y;
            }
        }
        return new long[] {n, sa, sb, sab, saa, sbb};
    }

    public double r(int[] questions) {
        long[] s = sums(questions);
        return Correlation.r(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    /** The oracle's answer for the first {@code items} K-combinations, in the same shape as a step's. */
    public CorrsetResult firstCombinations(int k, int items) {
        CorrsetResult result = CorrsetResult.ofSize(items);
        int[] combination = Combinations.first(k);
        for (int i = 0; i < items; i++) {
            long[] s = sums(combination);
            result.r()[i] = Correlation.r(s[0], s[1], s[2], s[3], s[4], s[5]);
            result.n()[i] = (int) s[0];
            Combinations.next(combination, scores.questionCount());
        }
        return result;
    }
}
