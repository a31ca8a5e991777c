package fasterjava.corrset.steps;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.Correlation;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Step;

/**
 * Step 10 — one fused loop: walk the K bitsets word by word, AND them in a register, and add each counted user
 * straight into the six sums. No array is allocated or written per combination.
 *
 * <p>What changed from step 09: {@code usersIn}, {@code corrcoef} and the intermediate AND, user and x/y arrays
 * are gone. For each word index the K words are ANDed, stopping early once the result is zero; each set bit
 * left is a counted user whose x (K score reads) and y (one grand-total read) go directly into
 * {@code n, Σx, Σy, Σxy, Σx², Σy²}.
 *
 * <p>Why it is faster: step 09 allocated and wrote a 938-word AND result, a user list and two value arrays, and
 * read them back; here every value lives in a register from the load that produced it to the sum that consumes
 * it. The early exit matters as much: with a fifth of users per question, three rows leave about 60% of words
 * zero and four rows 90%, so on average fewer than K words are loaded per word index. This is the Python
 * article's last step, "no intermediate arrays".
 *
 * <p>What it costs: the gain is smaller than in Python. Step 09's separate loops are simple enough for C2 to
 * auto-vectorize (its K-row AND runs 8 words per AVX-512 instruction), and this loop, with its data-dependent
 * bit walk inside, is not; fusion wins back less than it loses there. Step 11 vectorizes the fused loop by hand.
 * The AND, the bit walk and the statistics are also no longer separate functions to test or reuse. The article
 * spent one more step putting the whole loop under a single Numba {@code @njit} to erase Python call overhead
 * between these functions; the JVM's JIT already compiles and inlines across methods, so that step has no Java
 * counterpart.
 */
public final class Step10FusedLoop implements Step<CorrsetInput, CorrsetResult> {
    private long[][] answered;
    private int[][] scoreMatrix;
    private long[] grandTotals;
    private int k;
    private int questionCount;
    private int words;
    /** The combination's K bitsets and score rows, looked up once per combination rather than once per word. */
    private long[][] sets;
    private int[][] scoreRows;

    @Override
    public void prepare(CorrsetInput input) {
        Scores scores = input.scores();
        words = (scores.userCount() + Long.SIZE - 1) / Long.SIZE;
        answered = new long[scores.questionCount()][words];
        scoreMatrix = new int[scores.questionCount()][scores.userCount()];
        for (int q = 0; q < scores.questionCount(); q++) {
            int[] users = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            for (int i = 0; i < users.length; i++) {
                // A long shift uses only the low 6 bits of its count, so this sets bit u % 64.
                answered[q][users[i] >>> 6] |= 1L << users[i];
                scoreMatrix[q][users[i]] = values[i];
            }
        }
        grandTotals = scores.grandTotals().clone();
        k = input.k();
        questionCount = scores.questionCount();
        sets = new long[k][];
        scoreRows = new int[k][];
    }

    @Override
    public CorrsetResult compute(int items) {
        CorrsetResult result = CorrsetResult.ofSize(items);
        int[] combination = Combinations.first(k);
        for (int item = 0; item < items; item++) {
            correlate(combination, result, item);
            Combinations.next(combination, questionCount);
        }
        return result;
    }

    private void correlate(int[] questions, CorrsetResult result, int item) {
        for (int j = 0; j < k; j++) {
            sets[j] = answered[questions[j]];
            scoreRows[j] = scoreMatrix[questions[j]];
        }
        long n = 0, sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
        for (int w = 0; w < words; w++) {
            long word = sets[0][w];
            // A zero word stays zero: most are zero after three rows, so most words skip the rest of the AND.
            for (int j = 1; j < k && word != 0; j++) {
                word &= sets[j][w];
            }
            for (; word != 0; word &= word - 1) {
                int user = (w << 6) + Long.numberOfTrailingZeros(word);
                long x = 0;
                for (int j = 0; j < k; j++) {
                    x += scoreRows[j][user];
                }
                long y = grandTotals[user];
                n++;
                sa += x;
                sb += y;
                sab += x * y;
                saa += x * x;
                sbb += y * y;
            }
        }
        result.r()[item] = Correlation.r(n, sa, sb, sab, saa, sbb);
        result.n()[item] = (int) n;
    }
}
