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
 * Step 11 — the Vector API: step 10's loop with each line of 8 words replaced by a tile of eight
 * {@link LongVector}s in the machine's preferred width (64 words = 4,096 users with AVX-512, 32 words with AVX2),
 * so the K-row AND and the test for "no counted user here" run on whole vectors.
 *
 * <p><b>What changed from step 10.</b> The 8 named words become 8 named vectors, the OR-test becomes a lane mask
 * ({@code compare(NE, 0)}) whose set bits are exactly the tile's non-zero words, and the walk visits only those words,
 * in one loop over the tile's counted users instead of a loop per word. The early exit from the row loop tests the
 * whole tile. Rows are padded with zero words to whole tiles, so there is no scalar tail. The user-major score rows
 * and the accumulation are step 10's.
 *
 * <p><b>Why it is faster.</b> The README's run: 615 ns per combination, 2.14x step 10's speed. One vector load and AND
 * do the work of eight scalar ones, and the row loop is entered 15 times per combination instead of 118. C2 does not
 * find this on its own: the bit walk inside the loop has a data-dependent trip count, which keeps its auto-vectorizer
 * away. Three choices shape the loop:
 * <ul>
 *   <li>Eight vectors per tile: with fewer, the row loop's own overhead (entering it, testing the tile) outweighs
 *       the ANDs it holds.</li>
 *   <li>The early exit stays for the same reason as in step 10, not for the loads it saves (an 8-vector tile is
 *       all zero after four rows only about a quarter of the time): without it C2 counts, unrolls and peels the
 *       short loop over vectors, which is slower.</li>
 *   <li>User-major scores, as in step 10: once the AND is cheap, reading each counted user's K scores from one
 *       cached row matters more.</li>
 * </ul>
 * What is left is the branchy walk over the ~19 counted users (each non-zero word is a hard-to-predict branch) and
 * reading their scores: {@code nb.profile("11")} shows the split on your machine.
 *
 * <p><b>What it costs.</b> An incubator module ({@code --add-modules jdk.incubator.vector} to compile and run, and a
 * warning at start-up), code shaped by the vector width (eight named vectors, the lane buffer, the padding), and speed
 * that depends on the hardware: without vector units the API falls back to slow Java code, and until C2 has compiled
 * the loop each vector operation is an object, so the first thousand combinations are very slow.
 */
public final class Step11VectorApi implements Step<CorrsetInput, CorrsetResult> {
    /** The preferred width, unless its eight vectors' lane masks would not fit in one {@code long}. */
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED.length() <= Long.SIZE / 8
            ? LongVector.SPECIES_PREFERRED : LongVector.SPECIES_512;
    private static final int LANES = SPECIES.length();
    /** Words per tile: eight vectors (64 words = 4,096 users with AVX-512). */
    private static final int TILE = 8 * LANES;

    private long[][] answered;
    /** {@code scoresByUser[u][q]}: u's score on q, 0 if unanswered. A user's K scores lie in one row. */
    private int[][] scoresByUser;
    private long[] grandTotals;
    private int k;
    private int questionCount;
    private int tileWords;
    /** The combination's K bitsets, looked up once per combination rather than once per word. */
    private long[][] sets;
    /** The words of a tile that has a counted user, stored so the walk can pick the non-zero ones. */
    private final long[] tile = new long[TILE];

    @Override
    public void prepare(CorrsetInput input) {
        Scores scores = input.scores();
        int words = (scores.userCount() + Long.SIZE - 1) / Long.SIZE;
        // Zero words pad each row to whole tiles: they hold no user, so the loop needs no tail.
        tileWords = (words + TILE - 1) / TILE * TILE;
        answered = new long[scores.questionCount()][tileWords];
        scoresByUser = new int[scores.userCount()][scores.questionCount()];
        for (int q = 0; q < scores.questionCount(); q++) {
            int[] users = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            for (int i = 0; i < users.length; i++) {
                // A long shift uses only the low 6 bits of its count, so this sets bit u % 64.
                answered[q][users[i] >>> 6] |= 1L << users[i];
                scoresByUser[users[i]][q] = values[i];
            }
        }
        grandTotals = scores.grandTotals().clone();
        k = input.k();
        questionCount = scores.questionCount();
        sets = new long[k][];
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
        }
        long n = 0, sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
        for (int w = 0; w < tileWords; w += TILE) {
            long[] row = sets[0];
            LongVector v0 = LongVector.fromArray(SPECIES, row, w);
            LongVector v1 = LongVector.fromArray(SPECIES, row, w + LANES);
            LongVector v2 = LongVector.fromArray(SPECIES, row, w + 2 * LANES);
            LongVector v3 = LongVector.fromArray(SPECIES, row, w + 3 * LANES);
            LongVector v4 = LongVector.fromArray(SPECIES, row, w + 4 * LANES);
            LongVector v5 = LongVector.fromArray(SPECIES, row, w + 5 * LANES);
            LongVector v6 = LongVector.fromArray(SPECIES, row, w + 6 * LANES);
            LongVector v7 = LongVector.fromArray(SPECIES, row, w + 7 * LANES);
            // An all-zero tile stays zero; the data-dependent exit also keeps C2 from unrolling this short loop.
            for (int j = 1; j < k && !v0.or(v1).or(v2).or(v3).or(v4).or(v5).or(v6).or(v7).eq(0L).allTrue(); j++) {
                row = sets[j];
                v0 = v0.and(LongVector.fromArray(SPECIES, row, w));
                v1 = v1.and(LongVector.fromArray(SPECIES, row, w + LANES));
                v2 = v2.and(LongVector.fromArray(SPECIES, row, w + 2 * LANES));
                v3 = v3.and(LongVector.fromArray(SPECIES, row, w + 3 * LANES));
                v4 = v4.and(LongVector.fromArray(SPECIES, row, w + 4 * LANES));
                v5 = v5.and(LongVector.fromArray(SPECIES, row, w + 5 * LANES));
                v6 = v6.and(LongVector.fromArray(SPECIES, row, w + 6 * LANES));
                v7 = v7.and(LongVector.fromArray(SPECIES, row, w + 7 * LANES));
            }
            // Bit i set = word w + i of the tile has a counted user.
            long nonZero = v0.compare(VectorOperators.NE, 0L).toLong()
                    | v1.compare(VectorOperators.NE, 0L).toLong() << LANES
                    | v2.compare(VectorOperators.NE, 0L).toLong() << 2 * LANES
                    | v3.compare(VectorOperators.NE, 0L).toLong() << 3 * LANES
                    | v4.compare(VectorOperators.NE, 0L).toLong() << 4 * LANES
                    | v5.compare(VectorOperators.NE, 0L).toLong() << 5 * LANES
                    | v6.compare(VectorOperators.NE, 0L).toLong() << 6 * LANES
                    | v7.compare(VectorOperators.NE, 0L).toLong() << 7 * LANES;
            if (nonZero == 0) {
                continue;
            }
            v0.intoArray(tile, 0);
            v1.intoArray(tile, LANES);
            v2.intoArray(tile, 2 * LANES);
            v3.intoArray(tile, 3 * LANES);
            v4.intoArray(tile, 4 * LANES);
            v5.intoArray(tile, 5 * LANES);
            v6.intoArray(tile, 6 * LANES);
            v7.intoArray(tile, 7 * LANES);
            // One loop over the tile's counted users, lowest first: take the lowest bit of the lowest non-zero word.
            while (nonZero != 0) {
                int i = Long.numberOfTrailingZeros(nonZero);
                long bits = tile[i];
                int user = ((w + i) << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                tile[i] = bits;
                // Word i is done when its last bit is taken; a conditional move rather than a second, nested loop.
                nonZero ^= bits == 0 ? nonZero & -nonZero : 0;
                int[] userScores = scoresByUser[user];
                long x = 0;
                for (int question : questions) {
                    x += userScores[question];
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
