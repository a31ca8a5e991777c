package fasterjava.corrset.steps;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.Correlation;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Step;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Step 11 — the Vector API: the K-way AND and the test for "no counted user here" run on whole vectors of words
 * ({@link LongVector} in the machine's preferred width: 8 words = 512 users with AVX-512, 4 with AVX2).
 *
 * <p>What changed from step 10: the word loop advances a vector at a time. The K bitsets' vectors are ANDed
 * lane-wise; if every lane is zero (most vectors: ~19 counted users are spread over 938 words) the loop moves on
 * after one mask test, otherwise the lanes are stored to a small scratch array and walked bit by bit exactly as
 * in step 10. The last {@code words % lanes} words, which do not fill a vector, are ANDed with step 10's scalar
 * code.
 *
 * <p>Why it is faster: one vector load, AND and test do the work of eight scalar ones, and the branch that skips
 * empty words is taken once per 512 users instead of once per 64. C2 does not find this on its own: the bit walk
 * inside the loop has a data-dependent trip count, which keeps its auto-vectorizer away. The vector AND does not
 * stop early as step 10's does: a vector is all zero only if all its 8 words are, and testing after every row
 * cost about what it saved.
 *
 * <p>What it costs: an incubator module ({@code --add-modules jdk.incubator.vector} to compile and run, and a
 * warning at start-up), code shaped by the vector width (the scratch array and the tail), and speed that
 * depends on the hardware: without vector units the API falls back to slow Java code. The accumulation is
 * unchanged, and now dominates: each counted user costs K + 1 reads scattered over a 48 MB score matrix and the
 * grand totals, most of them cache misses.
 */
public final class Step11VectorApi implements Step<CorrsetInput, CorrsetResult> {
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;

    private long[][] answered;
    private int[][] scoreMatrix;
    private long[] grandTotals;
    private int k;
    private int questionCount;
    private int words;
    /** The combination's K bitsets and score rows, looked up once per combination rather than once per word. */
    private long[][] sets;
    private int[][] scoreRows;
    /** The lanes of a vector that has a counted user, stored to be walked word by word. */
    private final long[] lanes = new long[SPECIES.length()];

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
        int width = lanes.length;
        int vectorWords = SPECIES.loopBound(words);
        long n = 0, sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
        for (int w = 0; w < words; w += width) {
            if (w < vectorWords) {
                LongVector all = LongVector.fromArray(SPECIES, sets[0], w);
                for (int j = 1; j < k; j++) {
                    all = all.and(LongVector.fromArray(SPECIES, sets[j], w));
                }
                // One mask test skips a vector of users (512 with AVX-512) of whom none counts.
                if (!all.compare(VectorOperators.NE, 0L).anyTrue()) {
                    continue;
                }
                all.intoArray(lanes, 0);
            } else {
                // The last words % width words, too few for a vector: scalar ANDs, once per combination.
                for (int i = 0; i < width; i++) {
                    lanes[i] = w + i < words ? scalarAnd(w + i) : 0;
                }
            }
            for (int i = 0; i < width; i++) {
                for (long word = lanes[i]; word != 0; word &= word - 1) {
                    int user = ((w + i) << 6) + Long.numberOfTrailingZeros(word);
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
        }
        result.r()[item] = Correlation.r(n, sa, sb, sab, saa, sbb);
        result.n()[item] = (int) n;
    }

    /** The AND of the combination's K words at index {@code w}. */
    private long scalarAnd(int w) {
        long word = sets[0][w];
        for (int j = 1; j < k && word != 0; j++) {
            word &= sets[j][w];
        }
        return word;
    }
}
