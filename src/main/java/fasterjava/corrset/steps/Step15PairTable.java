package fasterjava.corrset.steps;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.Correlation;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Step;
import java.util.Arrays;

/**
 * Step 15 — one table per (K−2)-prefix for every pair of last questions: the last two levels turned around.
 *
 * <p><b>What changed from step 14.</b> Step 14 turns the last level around per (K−1)-prefix: each prefix needs its
 * users found (an AND over all users) and its sums cleared, for only ~200 sets. Here a block is every set sharing its
 * first K−2 questions (~19,000 sets for K = 5 at the start). Each user of that prefix (~480 on the article's data)
 * walks the pairs (d, e) of their own answers after it and adds their (x, y) into the six sums of set (prefix, d, e),
 * kept in a triangular table with one entry per pair in lexicographic order.
 *
 * <p><b>Why it is faster.</b> The README's run: 110 ns per combination, 3.67x step 14's speed. The per-prefix costs
 * (finding the users, clearing, reading back) are now shared by ~100 times more sets, and the per-set work stays at
 * one add per user kept (≈19). The search engine ({@code fasterjava.corrset.search.PairTable}) goes further with the
 * same table: six sums packed in four ints, so each add is one 128-bit vector instruction.
 *
 * <p><b>What it costs.</b> A table of ~19,000 entries × 48 bytes per prefix (beyond L1, mostly in L2), and each add
 * lands at an address read from the user's answers, so the memory system, not arithmetic, sets the pace: on the 2-core
 * workshop machine one such random read-modify-write costs 1–2 ns. Step 16 removes those addresses.
 */
public final class Step15PairTable implements Step<CorrsetInput, CorrsetResult> {
    private int k;
    private int questions;
    private int userCount;
    private long[][] answered;
    private int[][] scoreOf;
    private long[] grandTotals;
    private int[] userStart;
    private int[] userQuestions;
    private int[] userScores;

    @Override
    public void prepare(CorrsetInput input) {
        Scores scores = input.scores();
        k = input.k();
        questions = scores.questionCount();
        userCount = scores.userCount();
        int words = (userCount + 63) >>> 6;
        answered = new long[questions][words];
        scoreOf = new int[questions][userCount];
        userStart = new int[userCount + 1];
        for (int q = 0; q < questions; q++) {
            int[] who = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            for (int i = 0; i < who.length; i++) {
                answered[q][who[i] >>> 6] |= 1L << who[i];
                scoreOf[q][who[i]] = values[i];
                userStart[who[i] + 1]++;
            }
        }
        for (int u = 0; u < userCount; u++) {
            userStart[u + 1] += userStart[u];
        }
        userQuestions = new int[userStart[userCount]];
        userScores = new int[userStart[userCount]];
        int[] fill = Arrays.copyOf(userStart, userCount);
        for (int q = 0; q < questions; q++) {
            int[] who = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            for (int i = 0; i < who.length; i++) {
                int at = fill[who[i]]++;
                userQuestions[at] = q;
                userScores[at] = values[i];
            }
        }
        grandTotals = scores.grandTotals();
    }

    @Override
    public CorrsetResult compute(int items) {
        CorrsetResult result = CorrsetResult.ofSize(items);
        if (k == 1) {
            for (int q = 0; q < items; q++) {
                long[] single = new long[6];
                int[] users = scoresOf(q);
                for (int user : users) {
                    add(single, 0, scoreOf[q][user], grandTotals[user]);
                }
                finish(single, 0, result, q);
            }
            return result;
        }
        int words = answered[0].length;
        int depth = k - 2;
        long[][] running = new long[Math.max(depth, 1)][words];
        long[] table = new long[0];
        // Prefixes are the (K−2)-subsets of 0..Q-3 (two questions must follow), in lexicographic order.
        int[] prefix = Combinations.first(depth);
        int stale = 0;
        int item = 0;
        while (item < items) {
            for (int level = stale; level < depth; level++) {
                long[] with = answered[prefix[level]];
                if (level == 0) {
                    System.arraycopy(with, 0, running[0], 0, words);
                } else {
                    for (int w = 0; w < words; w++) {
                        running[level][w] = running[level - 1][w] & with[w];
                    }
                }
            }
            int last = depth == 0 ? -1 : prefix[depth - 1];
            int remaining = questions - 1 - last;
            int pairs = remaining * (remaining - 1) / 2;
            if (table.length < 6 * pairs) {
                table = new long[6 * pairs];
            } else {
                Arrays.fill(table, 0, 6 * pairs, 0);
            }
            if (depth == 0) {
                for (int user = 0; user < userCount; user++) {
                    addUser(user, prefix, last, remaining, table);
                }
            } else {
                long[] users = running[depth - 1];
                for (int w = 0; w < words; w++) {
                    for (long bits = users[w]; bits != 0; bits &= bits - 1) {
                        addUser((w << 6) + Long.numberOfTrailingZeros(bits), prefix, last, remaining, table);
                    }
                }
            }
            // Entries are in lexicographic order of (d, e), the order of the combinations themselves.
            for (int pair = 0; pair < pairs && item < items; pair++) {
                finish(table, 6 * pair, result, item++);
            }
            if (depth == 0) {
                break;
            }
            stale = advance(prefix, questions - 2);
        }
        return result;
    }

    private int[] scoresOf(int question) {
        int count = 0;
        for (long word : answered[question]) {
            count += Long.bitCount(word);
        }
        int[] users = new int[count];
        int fill = 0;
        for (int w = 0; w < answered[question].length; w++) {
            for (long bits = answered[question][w]; bits != 0; bits &= bits - 1) {
                users[fill++] = (w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        return users;
    }

    /** The user's contribution to every set (prefix, d, e) with d &lt; e both among their answers after the prefix. */
    private void addUser(int user, int[] prefix, int last, int remaining, long[] table) {
        long xPrefix = 0;
        for (int q : prefix) {
            xPrefix += scoreOf[q][user];
        }
        long y = grandTotals[user];
        int first = userStart[user];
        int end = userStart[user + 1];
        while (first < end && userQuestions[first] <= last) {
            first++;
        }
        for (int i = first; i < end; i++) {
            int d = userQuestions[i] - last - 1;
            // Row d of the triangle starts after the rows of every smaller d: Σ (remaining − 1 − d').
            int row = d * (2 * remaining - d - 1) / 2 - d - 1;
            long xd = xPrefix + userScores[i];
            for (int j = i + 1; j < end; j++) {
                int e = userQuestions[j] - last - 1;
                add(table, 6 * (row + e), xd + userScores[j], y);
            }
        }
    }

    private static void add(long[] sums, int at, long x, long y) {
        sums[at]++;
        sums[at + 1] += x;
        sums[at + 2] += y;
        sums[at + 3] += x * y;
        sums[at + 4] += x * x;
        sums[at + 5] += y * y;
    }

    private static void finish(long[] sums, int at, CorrsetResult result, int item) {
        result.r()[item] = Correlation.r(sums[at], sums[at + 1], sums[at + 2], sums[at + 3], sums[at + 4],
                sums[at + 5]);
        result.n()[item] = (int) sums[at];
    }

    private static int advance(int[] combination, int limit) {
        int length = combination.length;
        int i = length - 1;
        while (i >= 0 && combination[i] == limit - length + i) {
            i--;
        }
        if (i < 0) {
            return 0;
        }
        combination[i]++;
        for (int j = i + 1; j < length; j++) {
            combination[j] = combination[j - 1] + 1;
        }
        return i;
    }
}
