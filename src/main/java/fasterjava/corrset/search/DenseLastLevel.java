package fasterjava.corrset.search;

import fasterjava.corrset.Correlation;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The last two levels of the prefix tree for data whose scores are all 0 or 1 (the articles' data): the last
 * question is not walked user by user but swept sixteen questions at a time with masked vector adds.
 *
 * <p><b>Why.</b> Turning the last level around (each user adds into the sums of the questions they answered)
 * costs one read-modify-write at a data-dependent address per (set, user): about 49 billion for the full K = 5
 * search, and on this machine such an access costs 1–2 ns however it is arranged. Here a node of K−1 questions
 * (about 96 users) keeps the sums of sixteen consecutive last questions in registers, one 512-bit vector per
 * packed sum, and each user adds their contribution under a 16-bit mask cut from their answer bitmap. There are
 * no data-dependent addresses and no data-dependent loop exits, and work is per (user, 16 questions), not per
 * (user, question answered).
 *
 * <p><b>Packed sums.</b> With w = the user's score on the first K−1 questions and s the score on the last one,
 * x = w + s. Four int lanes per question carry everything: under the "answered" mask
 * {@code n + Σw·2⁸ + Σw²·2¹⁸}, {@code Σy + Σwy·2¹⁴}, {@code Σy²}; under the "scored 1" mask
 * {@code c + Σw·2⁸ + Σy·2¹⁸} (c = how many scored 1). Then Sa = Σw + c, Saa = Σw² + 2·Σ_{s=1}w + c,
 * Sab = Σwy + Σ_{s=1}y. Fields are exact only below their widths, so a node's users are added in batches small
 * enough for the node's largest w and y ({@link #batchLimit}); batches are decoded to exact longs and summed.
 *
 * <p><b>Which nodes.</b> Users of the (K−1)-node for question d are found from a bitset per question over the
 * (K−2)-node's users, built once per (K−2)-node by setting one bit per answer; it stays in L1.
 */
final class DenseLastLevel {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_512;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_512;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_512;
    /** Questions per chunk: one int lane each in a 512-bit vector. */
    private static final int CHUNK = 16;
    /** Chunks per pass: one 64-bit word of a user's answer bitmap, so its four 16-bit slices need one load. */
    private static final int CHUNKS_PER_PASS = 4;
    private static final int SUMS = 6;
    private static final int N = 0, SA = 1, SB = 2, SAB = 3, SAA = 4, SBB = 5;

    private final PrefixWalker walker;
    private final int questions;
    /** Words of one user's answer bitmap; bit q of word q / 64 is set if the user answered (scored 1 on) q. */
    private final int bitmapWords;
    private final long[] answered;
    private final long[] scoredOne;
    private final long[] grandTotals;
    /** Largest grand total: y for every user is at most this. */
    private final int maxY;

    // Per (K−2)-node: its users, and per later question a bitset over them.
    private int[] nodeBitmap = new int[0];
    private int[] nodeConstant = new int[0];
    private long[] usersOf = new long[0];
    private long[] scoredBy = new long[0];
    // Per (K−1)-node: its users and the packed constants of each.
    private int[] leafUser = new int[0];
    private int[] leafConstant = new int[0];
    /** Packed contribution per (w, y): four ints at {@code 4·(w·(maxY+1) + y)}. */
    private final int[] constants;
    private final int maxW;
    /** Accumulators of one pass, spilled for decoding: 4 chunks × 4 packed sums × 16 lanes. */
    private final int[] spilled = new int[CHUNKS_PER_PASS * 4 * CHUNK];
    /** Exact sums of one pass: 4 chunks × 6 sums × 16 lanes. */
    private final long[] sums = new long[CHUNKS_PER_PASS * SUMS * CHUNK];

    DenseLastLevel(PrefixWalker walker, UserAnswers answers, int questions, int k) {
        this.walker = walker;
        this.questions = questions;
        this.bitmapWords = (questions + 63) >>> 6;
        int users = answers.start.length - 1;
        this.answered = new long[users * bitmapWords];
        this.scoredOne = new long[users * bitmapWords];
        for (int u = 0; u < users; u++) {
            for (int p = answers.start[u]; p < answers.start[u + 1]; p++) {
                int q = answers.questions[p];
                answered[u * bitmapWords + (q >>> 6)] |= 1L << q;
                if (answers.scores[p] == 1) {
                    scoredOne[u * bitmapWords + (q >>> 6)] |= 1L << q;
                }
            }
        }
        this.grandTotals = answers.grandTotals;
        long largest = 0;
        for (long y : grandTotals) {
            largest = Math.max(largest, y);
        }
        this.maxY = Math.toIntExact(largest);
        this.maxW = k - 1;
        this.constants = new int[4 * (maxW + 1) * (maxY + 1)];
        for (int w = 0; w <= maxW; w++) {
            for (int y = 0; y <= maxY; y++) {
                int at = 4 * (w * (maxY + 1) + y);
                constants[at] = 1 + (w << 8) + (w * w << 18);
                constants[at + 1] = y + (w * y << 14);
                constants[at + 2] = y * y;
                constants[at + 3] = 1 + (w << 8) + (y << 18);
            }
        }
    }

    /** True if the data suit this kernel: scores 0/1 only, and grand totals small enough for a batch of one. */
    static boolean suits(UserAnswers answers, int k) {
        if (answers.maxScore > 1) {
            return false;
        }
        long maxY = 0;
        for (long y : answers.grandTotals) {
            maxY = Math.max(maxY, y);
        }
        return batchLimit(k - 1, maxY) >= 1 && (long) k * (maxY + 1) * 4 < Integer.MAX_VALUE;
    }

    /**
     * Most users one batch may hold so that no packed field overflows, for w ≤ {@code maxW}, y ≤ {@code maxY}:
     * n &lt; 2⁸, Σw &lt; 2¹⁰, Σw² &lt; 2¹² (lane 0); Σy &lt; 2¹⁴, Σwy &lt; 2¹⁸ (lane 1); Σy² &lt; 2³² (lane 2, unsigned);
     * and under the score mask c &lt; 2⁸, Σw &lt; 2¹⁰, Σy &lt; 2¹⁴ (lane 3, unsigned).
     */
    static int batchLimit(long maxW, long maxY) {
        long limit = 255;
        long w = Math.max(1, maxW);
        long y = Math.max(1, maxY);
        limit = Math.min(limit, 1023 / w);
        limit = Math.min(limit, 4095 / (w * w));
        limit = Math.min(limit, 16383 / y);
        limit = Math.min(limit, 262143 / (w * y));
        limit = Math.min(limit, 0xFFFF_FFFFL / (y * y));
        return (int) limit;
    }

    /**
     * Runs every set under a node of K−2 questions whose last question is {@code last}: users
     * {@code users[from..to-1]} with answer positions just after {@code last} and x so far. {@code prefix} holds
     * the node's questions; slot K−2 is filled in here.
     */
    void runNode(int[] users, int[] positions, long[] xs, int from, int to, int last, UserAnswers answers) {
        int count = to - from;
        int words = (count + 63) >>> 6;
        if (nodeBitmap.length < count) {
            nodeBitmap = new int[count];
            nodeConstant = new int[count];
            leafUser = new int[count];
            leafConstant = new int[count];
        }
        if (usersOf.length < questions * words) {
            usersOf = new long[questions * words];
            scoredBy = new long[questions * words];
        }
        long[] bits = usersOf;
        long[] scoreBits = scoredBy;
        java.util.Arrays.fill(bits, (last + 1) * words, questions * words, 0L);
        java.util.Arrays.fill(scoreBits, (last + 1) * words, questions * words, 0L);
        int[] answeredQuestions = answers.questions;
        int[] answerScores = answers.scores;
        int[] start = answers.start;
        int stride = maxY + 1;
        int nodeMaxX = 0;
        for (int i = 0; i < count; i++) {
            int user = users[from + i];
            int x = (int) xs[from + i];
            nodeBitmap[i] = user * bitmapWords;
            nodeConstant[i] = 4 * (x * stride + (int) grandTotals[user]);
            nodeMaxX = Math.max(nodeMaxX, x);
            int word = i >>> 6;
            int shift = i & 63;
            for (int p = positions[from + i], end = start[user + 1]; p < end; p++) {
                int at = answeredQuestions[p] * words + word;
                bits[at] |= 1L << shift;
                scoreBits[at] |= (long) answerScores[p] << shift;
            }
        }
        int limit = batchLimit(nodeMaxX + 1, maxY);
        for (int d = last + 1; d < questions - 1 && !walker.stopped(); d++) {
            leaf(d, words, limit);
        }
    }

    /** The sets whose last two questions are d and some e &gt; d. */
    private void leaf(int d, int words, int limit) {
        if (!walker.enterLeaf(d)) {
            return;
        }
        int n = 0;
        long[] bits = usersOf;
        long[] scoreBits = scoredBy;
        int scoreStep = 4 * (maxY + 1);
        for (int w = 0; w < words; w++) {
            long scores = scoreBits[d * words + w];
            for (long word = bits[d * words + w]; word != 0; word &= word - 1) {
                int bit = Long.numberOfTrailingZeros(word);
                int i = (w << 6) + bit;
                leafUser[n] = nodeBitmap[i];
                leafConstant[n] = nodeConstant[i] + scoreStep * (int) ((scores >>> bit) & 1);
                n++;
            }
        }
        int sets = questions - 1 - d;
        if (n <= 1) {
            walker.countUndefined(sets);
            return;
        }
        int firstChunk = (d + 1) / CHUNK;
        int chunks = (questions + CHUNK - 1) / CHUNK;
        for (int chunk = firstChunk; chunk < chunks; ) {
            // A pass covers a whole bitmap word (lanes at or before d are computed and ignored) unless only one of
            // its chunks holds sets: four chunks per user cost far less than four single-chunk passes.
            int wordStart = chunk - chunk % CHUNKS_PER_PASS;
            int validChunks = Math.min(chunks, wordStart + CHUNKS_PER_PASS) - chunk;
            int width = validChunks >= 2 ? CHUNKS_PER_PASS : 1;
            if (width == CHUNKS_PER_PASS) {
                chunk = wordStart;
            }
            for (int batch = 0; batch < n; batch += limit) {
                int batchEnd = Math.min(n, batch + limit);
                if (width == CHUNKS_PER_PASS) {
                    passOfFour(batch, batchEnd, chunk / CHUNKS_PER_PASS);
                } else {
                    passOfOne(batch, batchEnd, chunk);
                }
                decode(width, batch == 0);
            }
            judge(d, chunk, width);
            chunk += width;
        }
    }

    /** Adds every leaf user in {@code from..to-1} into 4 chunks (one bitmap word) of accumulators. */
    private void passOfFour(int from, int to, int word) {
        IntVector zero = IntVector.zero(INTS);
        IntVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
        IntVector b0 = zero, b1 = zero, b2 = zero, b3 = zero;
        IntVector c0 = zero, c1 = zero, c2 = zero, c3 = zero;
        IntVector d0 = zero, d1 = zero, d2 = zero, d3 = zero;
        int[] userAt = leafUser;
        int[] constantAt = leafConstant;
        int[] k = constants;
        long[] any = answered;
        long[] one = scoredOne;
        for (int j = from; j < to; j++) {
            int bitmap = userAt[j] + word;
            int at = constantAt[j];
            long answeredWord = any[bitmap];
            long scoredWord = one[bitmap];
            IntVector k0 = IntVector.broadcast(INTS, k[at]);
            IntVector k1 = IntVector.broadcast(INTS, k[at + 1]);
            IntVector k2 = IntVector.broadcast(INTS, k[at + 2]);
            IntVector k3 = IntVector.broadcast(INTS, k[at + 3]);
            VectorMask<Integer> m = VectorMask.fromLong(INTS, answeredWord);
            VectorMask<Integer> s = VectorMask.fromLong(INTS, scoredWord);
            a0 = a0.add(k0, m);
            a1 = a1.add(k1, m);
            a2 = a2.add(k2, m);
            a3 = a3.add(k3, s);
            m = VectorMask.fromLong(INTS, answeredWord >>> 16);
            s = VectorMask.fromLong(INTS, scoredWord >>> 16);
            b0 = b0.add(k0, m);
            b1 = b1.add(k1, m);
            b2 = b2.add(k2, m);
            b3 = b3.add(k3, s);
            m = VectorMask.fromLong(INTS, answeredWord >>> 32);
            s = VectorMask.fromLong(INTS, scoredWord >>> 32);
            c0 = c0.add(k0, m);
            c1 = c1.add(k1, m);
            c2 = c2.add(k2, m);
            c3 = c3.add(k3, s);
            m = VectorMask.fromLong(INTS, answeredWord >>> 48);
            s = VectorMask.fromLong(INTS, scoredWord >>> 48);
            d0 = d0.add(k0, m);
            d1 = d1.add(k1, m);
            d2 = d2.add(k2, m);
            d3 = d3.add(k3, s);
        }
        int[] out = spilled;
        a0.intoArray(out, 0);
        a1.intoArray(out, 16);
        a2.intoArray(out, 32);
        a3.intoArray(out, 48);
        b0.intoArray(out, 64);
        b1.intoArray(out, 80);
        b2.intoArray(out, 96);
        b3.intoArray(out, 112);
        c0.intoArray(out, 128);
        c1.intoArray(out, 144);
        c2.intoArray(out, 160);
        c3.intoArray(out, 176);
        d0.intoArray(out, 192);
        d1.intoArray(out, 208);
        d2.intoArray(out, 224);
        d3.intoArray(out, 240);
    }

    /** As {@link #passOfFour} for the single chunk {@code chunk}. */
    private void passOfOne(int from, int to, int chunk) {
        IntVector zero = IntVector.zero(INTS);
        IntVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
        int[] userAt = leafUser;
        int[] constantAt = leafConstant;
        int[] k = constants;
        long[] any = answered;
        long[] one = scoredOne;
        int word = chunk / CHUNKS_PER_PASS;
        int shift = (chunk % CHUNKS_PER_PASS) * CHUNK;
        for (int j = from; j < to; j++) {
            int bitmap = userAt[j] + word;
            int at = constantAt[j];
            VectorMask<Integer> m = VectorMask.fromLong(INTS, any[bitmap] >>> shift);
            VectorMask<Integer> s = VectorMask.fromLong(INTS, one[bitmap] >>> shift);
            a0 = a0.add(IntVector.broadcast(INTS, k[at]), m);
            a1 = a1.add(IntVector.broadcast(INTS, k[at + 1]), m);
            a2 = a2.add(IntVector.broadcast(INTS, k[at + 2]), m);
            a3 = a3.add(IntVector.broadcast(INTS, k[at + 3]), s);
        }
        a0.intoArray(spilled, 0);
        a1.intoArray(spilled, 16);
        a2.intoArray(spilled, 32);
        a3.intoArray(spilled, 48);
    }

    /** Unpacks the spilled accumulators of {@code width} chunks into exact sums (set on the first batch, else added). */
    private void decode(int width, boolean first) {
        for (int c = 0; c < width; c++) {
            int in = c * 64;
            IntVector lane0 = IntVector.fromArray(INTS, spilled, in);
            IntVector lane1 = IntVector.fromArray(INTS, spilled, in + 16);
            IntVector lane2 = IntVector.fromArray(INTS, spilled, in + 32);
            IntVector lane3 = IntVector.fromArray(INTS, spilled, in + 48);
            IntVector n = lane0.and(0xFF);
            IntVector sumW = lane0.lanewise(VectorOperators.LSHR, 8).and(0x3FF);
            IntVector sumWW = lane0.lanewise(VectorOperators.LSHR, 18);
            IntVector sumY = lane1.and(0x3FFF);
            IntVector sumWY = lane1.lanewise(VectorOperators.LSHR, 14);
            IntVector ones = lane3.and(0xFF);
            IntVector onesW = lane3.lanewise(VectorOperators.LSHR, 8).and(0x3FF);
            IntVector onesY = lane3.lanewise(VectorOperators.LSHR, 18);
            int out = c * SUMS * CHUNK;
            store(n, out + N * CHUNK, first);
            store(sumW.add(ones), out + SA * CHUNK, first);
            store(sumY, out + SB * CHUNK, first);
            store(sumWY.add(onesY), out + SAB * CHUNK, first);
            store(sumWW.add(onesW).add(onesW).add(ones), out + SAA * CHUNK, first);
            storeUnsigned(lane2, out + SBB * CHUNK, first);
        }
    }

    private void store(IntVector values, int at, boolean first) {
        for (int part = 0; part < 2; part++) {
            LongVector wide = (LongVector) values.convertShape(VectorOperators.I2L, LONGS, part);
            if (!first) {
                wide = wide.add(LongVector.fromArray(LONGS, sums, at + 8 * part));
            }
            wide.intoArray(sums, at + 8 * part);
        }
    }

    private void storeUnsigned(IntVector values, int at, boolean first) {
        for (int part = 0; part < 2; part++) {
            LongVector wide = ((LongVector) values.convertShape(VectorOperators.I2L, LONGS, part)).and(0xFFFF_FFFFL);
            if (!first) {
                wide = wide.add(LongVector.fromArray(LONGS, sums, at + 8 * part));
            }
            wide.intoArray(sums, at + 8 * part);
        }
    }

    /** Judges the sets (prefix, d, e) for e in {@code width} chunks from {@code chunk}: counts and candidates. */
    private void judge(int d, int chunk, int width) {
        int minUsers = walker.minUsers();
        double admitFrom = walker.admitFrom;
        long undefined = 0;
        for (int c = 0; c < width; c++) {
            int firstE = (chunk + c) * CHUNK;
            int base = c * SUMS * CHUNK;
            for (int part = 0; part < 2; part++) {
                int lane0 = firstE + 8 * part;
                // Lanes are questions lane0..lane0+7; only d < e < questions are sets.
                long valid = laneRange(Math.max(0, d + 1 - lane0), Math.min(8, questions - lane0));
                if (valid == 0) {
                    continue;
                }
                int at = base + 8 * part;
                LongVector n = LongVector.fromArray(LONGS, sums, at + N * CHUNK);
                LongVector sa = LongVector.fromArray(LONGS, sums, at + SA * CHUNK);
                LongVector sb = LongVector.fromArray(LONGS, sums, at + SB * CHUNK);
                LongVector sab = LongVector.fromArray(LONGS, sums, at + SAB * CHUNK);
                LongVector saa = LongVector.fromArray(LONGS, sums, at + SAA * CHUNK);
                LongVector sbb = LongVector.fromArray(LONGS, sums, at + SBB * CHUNK);
                LongVector da = n.mul(saa).sub(sa.mul(sa));
                LongVector db = n.mul(sbb).sub(sb.mul(sb));
                VectorMask<Long> inRange = VectorMask.fromLong(LONGS, valid);
                VectorMask<Long> defined = n.compare(VectorOperators.GE, 2)
                        .and(da.compare(VectorOperators.NE, 0))
                        .and(db.compare(VectorOperators.NE, 0))
                        .and(inRange);
                undefined += inRange.trueCount() - defined.trueCount();
                VectorMask<Long> eligible = defined.and(n.compare(VectorOperators.GE, minUsers));
                if (!eligible.anyTrue()) {
                    continue;
                }
                LongVector num = n.mul(sab).sub(sa.mul(sb));
                if (admitFrom > 0) {
                    // r ≥ t > 0 ⇔ num > 0 and num² ≥ t²·da·db; doubles suffice here, ties are settled exactly later.
                    DoubleVector numD = (DoubleVector) num.convert(VectorOperators.L2D, 0);
                    DoubleVector daD = (DoubleVector) da.convert(VectorOperators.L2D, 0);
                    DoubleVector dbD = (DoubleVector) db.convert(VectorOperators.L2D, 0);
                    VectorMask<Double> close = numD.mul(numD).compare(VectorOperators.GE,
                            daD.mul(dbD).mul(admitFrom * admitFrom));
                    eligible = eligible.and(num.compare(VectorOperators.GT, 0))
                            .and(close.cast(LONGS));
                }
                for (long lanes = eligible.toLong(); lanes != 0; lanes &= lanes - 1) {
                    int lane = Long.numberOfTrailingZeros(lanes);
                    int i = at + lane;
                    candidate(d, lane0 + lane, sums[i + N * CHUNK], sums[i + SA * CHUNK], sums[i + SB * CHUNK],
                            sums[i + SAB * CHUNK], sums[i + SAA * CHUNK], sums[i + SBB * CHUNK], admitFrom);
                }
            }
        }
        walker.countUndefined(undefined);
    }

    private void candidate(int d, int e, long n, long sa, long sb, long sab, long saa, long sbb, double admitFrom) {
        double r = Correlation.r(n, sa, sb, sab, saa, sbb);
        if (r >= admitFrom) {
            walker.candidate(d, e, n, sa, sb, sab, saa, sbb);
        }
    }

    /** Bits {@code from..to-1} set (empty if to ≤ from). */
    private static long laneRange(int from, int to) {
        if (to <= from) {
            return 0;
        }
        return ((1L << (to - from)) - 1) << from;
    }
}
