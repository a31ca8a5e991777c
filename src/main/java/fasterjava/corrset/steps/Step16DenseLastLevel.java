package fasterjava.corrset.steps;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.Correlation;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Step;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Step 16 — sweep the last question sixteen at a time: masked vector adds instead of adds at data-dependent
 * addresses.
 *
 * <p><b>What changed from step 15.</b> Steps 14 and 15 let each user add into the sums of the questions they answered:
 * one read-modify-write per (set, user) at an address read from the data, which the memory system serialises (1–2 ns
 * each on the workshop machine, whatever the layout). Here, for a block of sets sharing their first K−1 questions (as
 * in step 14), the sums of sixteen consecutive last questions live in 512-bit registers, one int lane per question.
 * Each user of the prefix adds their contribution to all sixteen at once, under a 16-bit mask cut from their answer
 * bitmap: lanes of questions they did not answer are left alone.
 *
 * <p><b>Why it is faster.</b> The README's run: 206 ns per combination, 0.53x step 15's speed. No data-dependent
 * address and no data-dependent loop exit: the work is a fixed (users × 16-question chunks) grid of register
 * operations. With 0/1 scores x = w + s (w = score on the prefix, s on the last question), so nine sums suffice: under
 * the "answered" mask n, Σw, Σw², Σy, Σwy, Σy²; under the "scored 1" mask c, Σw, Σy; then Sa = Σw + c, Saa = Σw² +
 * 2·(Σw where s = 1) + c, Sab = Σwy + (Σy where s = 1). The search engine ({@code
 * fasterjava.corrset.search.DenseLastLevel}) packs these nine into four ints and sweeps 64 questions per user visit.
 *
 * <p><b>What it costs.</b> It needs scores of 0 or 1 and int lanes that cannot overflow (checked up front: other data
 * take a plain bitset walk, as slow as step 09's), an answer bitmap per user, and it also adds for the ~80% of (user,
 * question) cells that are empty — cheap when sixteen go in one instruction. The width is the hardware's: sixteen
 * lanes need AVX-512; with AVX2 the same code runs eight questions per 256-bit vector. On the README's AVX2 machine
 * that makes it slower than step 15 (206 ns against 110 ns per combination at {@code small}): eight lanes do not pay
 * for the empty cells.
 */
public final class Step16DenseLastLevel implements Step<CorrsetInput, CorrsetResult> {
    /** 16 int lanes with AVX-512, else 8 (AVX2): the widest vectors that run natively on x86. */
    private static final VectorSpecies<Integer> LANES = IntVector.SPECIES_PREFERRED.length() >= 16
            ? IntVector.SPECIES_512 : IntVector.SPECIES_256;
    private static final int CHUNK = LANES.length();
    private static final int CHUNKS_PER_WORD = Long.SIZE / CHUNK;

    private int k;
    private int questions;
    private boolean binary;
    private long[][] answered;
    private int[][] scoreOf;
    private long[] grandTotals;
    private long maxGrandTotal;
    /** Most users any one question has: a bound on the users of every prefix. */
    private int maxAnswered;
    private final int[] lanes = new int[CHUNK * 9];
    /** Per user, questions as bits ({@code words} longs each): answered, and answered with score 1. */
    private int words;
    private long[] userAnswered;
    private long[] userScoredOne;

    @Override
    public void prepare(CorrsetInput input) {
        Scores scores = input.scores();
        k = input.k();
        questions = scores.questionCount();
        int users = scores.userCount();
        int userWords = (users + 63) >>> 6;
        words = (questions + 63) >>> 6;
        answered = new long[questions][userWords];
        scoreOf = new int[questions][users];
        userAnswered = new long[users * words];
        userScoredOne = new long[users * words];
        binary = true;
        for (int q = 0; q < questions; q++) {
            int[] who = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            for (int i = 0; i < who.length; i++) {
                answered[q][who[i] >>> 6] |= 1L << who[i];
                scoreOf[q][who[i]] = values[i];
                userAnswered[who[i] * words + (q >>> 6)] |= 1L << q;
                if (values[i] == 1) {
                    userScoredOne[who[i] * words + (q >>> 6)] |= 1L << q;
                }
                binary &= values[i] <= 1;
            }
        }
        grandTotals = scores.grandTotals();
        maxGrandTotal = scores.maxGrandTotal();
        for (int q = 0; q < questions; q++) {
            maxAnswered = Math.max(maxAnswered, scores.answeredBy(q).length);
        }
    }

    @Override
    public CorrsetResult compute(int items) {
        if (!binary || k == 1 || !fitsInInts(maxAnswered)) {
            return computeAnyScores(items);
        }
        CorrsetResult result = CorrsetResult.ofSize(items);
        int userWords = answered[0].length;
        int depth = k - 1;
        long[][] running = new long[depth][userWords];
        int[] users = new int[grandTotals.length];
        int[] constants = new int[6 * grandTotals.length];
        long[] sums = new long[6 * questions];
        int[] prefix = Combinations.first(depth);
        int stale = 0;
        int item = 0;
        while (item < items) {
            for (int level = stale; level < depth; level++) {
                long[] with = answered[prefix[level]];
                if (level == 0) {
                    System.arraycopy(with, 0, running[0], 0, userWords);
                } else {
                    for (int w = 0; w < userWords; w++) {
                        running[level][w] = running[level - 1][w] & with[w];
                    }
                }
            }
            int last = prefix[depth - 1];
            int count = 0;
            long[] prefixUsers = running[depth - 1];
            for (int w = 0; w < userWords; w++) {
                for (long bits = prefixUsers[w]; bits != 0; bits &= bits - 1) {
                    int user = (w << 6) + Long.numberOfTrailingZeros(bits);
                    int x = 0;
                    for (int q : prefix) {
                        x += scoreOf[q][user];
                    }
                    int y = (int) grandTotals[user];
                    users[count] = user * words;
                    constants[6 * count] = x;
                    constants[6 * count + 1] = x * x;
                    constants[6 * count + 2] = y;
                    constants[6 * count + 3] = x * y;
                    constants[6 * count + 4] = y * y;
                    count++;
                }
            }
            for (int chunk = (last + 1) / CHUNK; chunk * CHUNK < questions; chunk++) {
                sweep(chunk, users, constants, count, sums);
            }
            for (int e = last + 1; e < questions && item < items; e++) {
                int at = 6 * e;
                result.r()[item] = Correlation.r(sums[at], sums[at + 1], sums[at + 2], sums[at + 3], sums[at + 4],
                        sums[at + 5]);
                result.n()[item] = (int) sums[at];
                item++;
            }
            stale = advance(prefix, questions - 1);
        }
        return result;
    }

    /**
     * Data the vector sweep cannot take (scores other than 0/1, K = 1, sums beyond an int): per set, the AND of its
     * K rows walked bit by bit with exact long sums. Correct for any data, and as slow as step 09's walk.
     */
    private CorrsetResult computeAnyScores(int items) {
        CorrsetResult result = CorrsetResult.ofSize(items);
        int userWords = answered[0].length;
        long[] common = new long[userWords];
        int[] set = Combinations.first(k);
        for (int item = 0; item < items; item++) {
            System.arraycopy(answered[set[0]], 0, common, 0, userWords);
            for (int j = 1; j < k; j++) {
                for (int w = 0; w < userWords; w++) {
                    common[w] &= answered[set[j]][w];
                }
            }
            long n = 0, sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
            for (int w = 0; w < userWords; w++) {
                for (long bits = common[w]; bits != 0; bits &= bits - 1) {
                    int user = (w << 6) + Long.numberOfTrailingZeros(bits);
                    long x = 0;
                    for (int q : set) {
                        x += scoreOf[q][user];
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
            Combinations.next(set, questions);
        }
        return result;
    }

    /**
     * Every int lane stays exact for prefixes of up to {@code users} users: the largest sums are Σy² ≤ n·max(y)²
     * and Σwy ≤ n·K·max(y) (w ≤ K−1 for 0/1 scores), both below 2³¹.
     */
    private boolean fitsInInts(int users) {
        long y = Math.max(1, maxGrandTotal);
        return (long) users * y * y < Integer.MAX_VALUE && (long) users * k * y < Integer.MAX_VALUE;
    }

    /** Adds every prefix user into the sums of the {@link #CHUNK} last questions of {@code chunk}. */
    private void sweep(int chunk, int[] users, int[] constants, int count, long[] sums) {
        IntVector zero = IntVector.zero(LANES);
        IntVector n = zero, sumW = zero, sumWW = zero, sumY = zero, sumWY = zero, sumYY = zero;
        IntVector ones = zero, onesW = zero, onesY = zero;
        int word = chunk / CHUNKS_PER_WORD;
        int shift = (chunk % CHUNKS_PER_WORD) * CHUNK;
        for (int i = 0; i < count; i++) {
            VectorMask<Integer> any = VectorMask.fromLong(LANES, userAnswered[users[i] + word] >>> shift);
            VectorMask<Integer> one = VectorMask.fromLong(LANES, userScoredOne[users[i] + word] >>> shift);
            int at = 6 * i;
            IntVector w = IntVector.broadcast(LANES, constants[at]);
            IntVector y = IntVector.broadcast(LANES, constants[at + 2]);
            n = n.add(1, any);
            sumW = sumW.add(w, any);
            sumWW = sumWW.add(IntVector.broadcast(LANES, constants[at + 1]), any);
            sumY = sumY.add(y, any);
            sumWY = sumWY.add(IntVector.broadcast(LANES, constants[at + 3]), any);
            sumYY = sumYY.add(IntVector.broadcast(LANES, constants[at + 4]), any);
            ones = ones.add(1, one);
            onesW = onesW.add(w, one);
            onesY = onesY.add(y, one);
        }
        n.intoArray(lanes, 0);
        sumW.intoArray(lanes, CHUNK);
        sumWW.intoArray(lanes, 2 * CHUNK);
        sumY.intoArray(lanes, 3 * CHUNK);
        sumWY.intoArray(lanes, 4 * CHUNK);
        sumYY.intoArray(lanes, 5 * CHUNK);
        ones.intoArray(lanes, 6 * CHUNK);
        onesW.intoArray(lanes, 7 * CHUNK);
        onesY.intoArray(lanes, 8 * CHUNK);
        for (int lane = 0; lane < CHUNK && chunk * CHUNK + lane < questions; lane++) {
            int at = 6 * (chunk * CHUNK + lane);
            long c = lanes[6 * CHUNK + lane];
            sums[at] = lanes[lane];
            sums[at + 1] = lanes[CHUNK + lane] + c;
            sums[at + 2] = lanes[3 * CHUNK + lane];
            sums[at + 3] = (long) lanes[4 * CHUNK + lane] + lanes[8 * CHUNK + lane];
            sums[at + 4] = lanes[2 * CHUNK + lane] + 2L * lanes[7 * CHUNK + lane] + c;
            sums[at + 5] = lanes[5 * CHUNK + lane];
        }
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
