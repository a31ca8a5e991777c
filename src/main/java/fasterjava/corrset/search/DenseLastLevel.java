package fasterjava.corrset.search;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The last two levels of the prefix tree for data whose scores are all 0 or 1 (the articles' data): the last
 * question is not walked user by user but swept sixteen questions at a time (eight with AVX2) with masked vector
 * adds.
 *
 * <p><b>Why.</b> Turning the last level around (each user adds into the sums of the questions they answered)
 * costs one read-modify-write at a data-dependent address per (set, user): about 49 billion for the full K = 5
 * search, and on this machine such an access costs 1–2 ns however it is arranged. Here a node of K−1 questions
 * (about 96 users) keeps the sums of a chunk of consecutive last questions in registers, one int lane per question
 * and one vector per packed sum (16 lanes with AVX-512, 8 with AVX2), and each user adds their contribution under
 * a lane mask cut from their answer bitmap. There are no data-dependent addresses and no data-dependent loop
 * exits, and work is per (user, chunk), not per (user, question answered).
 *
 * <p><b>Packed sums.</b> With w = the user's score on the first K−1 questions and s the score on the last one,
 * x = w + s. Four int lanes per question carry everything: under the "answered" mask
 * {@code n + Σw·2⁸ + Σw²·2¹⁸}, {@code Σy + Σwy·2¹⁴}, {@code Σy²}; under the "scored 1" mask
 * {@code c + Σw·2⁸ + Σy·2¹⁸} (c = how many scored 1). Then Sa = Σw + c, Saa = Σw² + 2·Σ_{s=1}w + c,
 * Sab = Σwy + Σ_{s=1}y. Fields are exact only below their widths, so a node's users are added in batches small
 * enough for the node's largest w and y ({@link #batchLimit}).
 *
 * <p><b>Short lanes.</b> With AVX-512, a pass over a whole bitmap word or its upper half adds in 16-bit lanes
 * instead, 32 questions per vector: under the answered mask {@code n + Σw·2⁷}, {@code Σw²}, {@code Σy},
 * {@code Σwy}, {@code Σ(y² mod 2⁸)}, {@code Σ(y² / 2⁸)}; under the score mask {@code c + Σw·2⁷}, {@code Σy}.
 * Eight adds per user and 32 questions, as four per 16 in int lanes, but half the masks: a mask is loaded into a
 * mask register per user, kind and vector, and those loads, not the adds, bound a pass (a whole-word loop with half
 * the masks ran ~28% faster in isolation). Short lanes take leaves of 48 to {@link #shortLimit} users (127 on
 * the article's data; fewer do not repay widening, more need more batches than int lanes), in one batch; the sums
 * are widened into the packed int lanes at the end of the pass, so judging is unchanged.
 *
 * <p><b>Judging.</b> A leaf added in one batch (the common case: ~96 users against a limit of ~230 on the article's
 * data) is judged straight from the packed lanes once the kept list has a positive threshold: per chunk, vector
 * lanes find the undefined sets (counted) and the few sets whose r can reach the threshold, and only those are
 * decoded to exact longs and ranked ({@link #screen}). Other leaves are decoded batch by batch, summed and judged
 * one set at a time.
 *
 * <p><b>Which nodes.</b> A work unit's users' answer bitmaps are copied side by side when the unit starts; a pass's
 * chunk masks are one word of them, loaded once per user and shifted. A (K−2)-node turns its users' bitmaps around
 * (int word w of every user side by side), so the users of the (K−1)-node for question d are found a vector of
 * users at a time: bit d of each one's word, shifted to the sign bit, is the lane mask, and the picked users are
 * compressed to the front (AVX-512). A unit that is a (K−3)-node (K = 5) finds its child (K−2)-nodes the same way
 * ({@link #runParent}), so no user's answer list, scattered over the data, is read; with compress the child's
 * turned-around words come out of the same compress as its users.
 *
 * <p><b>What limits it.</b> A (K−1)-node averages only ~39 sets over the whole K = 5 search (2.5 billion sets in
 * 64.7 million such nodes), so per-node work weighs as much as the sweeps themselves. A perf profile of the full
 * 200-question K = 5 search (a 2-core AMD EPYC with AVX-512, JDK 25; README, journey 1) puts ~51% of the search
 * threads' samples in the masked-add passes and widening their sums (~11% in the passes of one chunk of the leaves
 * whose sets all lie in the last 16 questions: 29% of the leaves, 6% of the sets), ~16% in finding each leaf's users
 * and dispatching its passes, ~7% in judging, ~4% in picking child nodes and ~9% in starting work units and
 * bucketing their users.
 */
final class DenseLastLevel {
    /**
     * 16 int lanes where the machine has 512-bit vectors (AVX-512), else 8 (AVX2): the widest that runs natively on
     * x86. Narrower machines (128-bit vectors only) take the pair table instead, see {@link #fastHere()}.
     */
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED.length() >= 16
            ? IntVector.SPECIES_512 : IntVector.SPECIES_256;
    /** Questions per chunk: one int lane each. */
    private static final int CHUNK = INTS.length();
    /** Doubles of the same width: a chunk's lanes are screened in two halves of these. */
    private static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, INTS.vectorShape());
    private static final int HALF = DOUBLES.length();
    /** Chunks in one 64-bit word of a user's answer bitmap. */
    private static final int CHUNKS_PER_WORD = Long.SIZE / CHUNK;
    /** Chunks per pass: four, so a pass keeps 16 accumulators (4 chunks × 4 packed sums) in registers. */
    private static final int CHUNKS_PER_PASS = 4;
    private static final int SUMS = 6;
    /** With AVX-512, passes over two or four chunks add in short lanes (see the class comment). */
    private static final boolean SHORT_PASSES = CHUNK == 16;
    /**
     * Fewest users a pass adds in short lanes: widening the sums costs about as much as the masks of ~50 users save
     * (at 80 × 6, leaves of ~19 users, short lanes for all ran ~10% slower).
     */
    private static final int SHORT_MIN_USERS = 48;
    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_512;
    /** A chunk's 16 short lanes: half of {@link #SHORTS}, widened to one int vector. */
    private static final VectorSpecies<Short> SHORT_CHUNK = ShortVector.SPECIES_256;
    private static final VectorOperators.Conversion<Short, Integer> WIDEN = VectorOperators.ZERO_EXTEND_S2I;
    /** Short lanes in one vector: half a bitmap word. */
    private static final int HALF_WORD = SHORTS.length();
    /** Short fields per (w, y) in {@link #shortConstants}: six, padded to eight. */
    private static final int SHORT_FIELDS = 8;
    private static final int N = 0, SA = 1, SB = 2, SAB = 3, SAA = 4, SBB = 5;

    private final PrefixWalker walker;
    /**
     * Whether a leaf's users are gathered with vector compress: native only with AVX-512 (AVX2 has no compress
     * instruction, and the Vector API would emulate it in Java).
     */
    private final boolean compressGather;
    private final int questions;
    /** Words of one user's answer bitmap. */
    private final int bitmapWords;
    /**
     * Question q is bit {@code q + offset} of the bitmap: the questions are right-aligned so the last word is
     * full. Every leaf sweeps the last questions, only the leaves with a small d reach the first ones, so the
     * ragged word is the rarely used one.
     */
    private final int offset;
    /**
     * Every user's answer bitmaps: {@link #bitmapWords} words of which questions they answered, then as many of
     * which of those they scored 1 on (one cache line for up to 256 questions). A pass's chunk masks all lie in one
     * word of each: two loads per user and pass, then shifts.
     */
    private final long[] bits;
    /** Chunks in a bitmap. */
    private final int chunks;
    /** Largest grand total: y for every user is at most this. */
    private final int maxY;

    /**
     * The current work unit's users' bitmaps, side by side in local user order (see
     * {@link UserAnswers#compactFrom}): the thousands of nodes under the unit read them from cache, where reading
     * {@link #bits} by the users' indices in the full data would miss the cache once per node and user.
     */
    private long[] unitBits = new long[0];
    // Per (K−2)-node: where each user's bitmap starts, their packed constants without the leaf's score, and
    // their answer bitmaps turned around: int word w of user i at w·lanes + i, so a vector load holds one word of
    // consecutive users.
    private int[] nodeBitmap = new int[0];
    private int[] nodeConstant = new int[0];
    private int[] nodeAnswered = new int[0];
    private int[] nodeScored = new int[0];
    // Per (K−1)-node: its users and the packed constants of each.
    private int[] leafUser = new int[0];
    private int[] leafConstant = new int[0];
    // Per (K−3)-node: its users, their x and their bitmaps turned around as a (K−2)-node's are; and the users and
    // x of the (K−2)-node being found from them.
    private int[] parentUser = new int[0];
    private int[] parentX = new int[0];
    private int[] parentAnswered = new int[0];
    private int[] parentScored = new int[0];
    private int[] childUser = new int[0];
    private int[] childX = new int[0];
    /** Ints per row of {@link #nodeAnswered} and {@link #nodeScored} (one row per int word of the bitmaps). */
    private int nodeStride;
    /**
     * Most users a pass at the current (K−2)-node adds in short lanes, in one batch: larger leaves take int lanes,
     * whose batches hold more (at 200 × 4, leaves of ~480 users, short batches ran slower). 0 without short lanes.
     */
    private int shortBatch;
    /** Packed contribution per (w, y): four ints at {@code 4·(w·(maxY+1) + y)}. */
    private final int[] constants;
    /**
     * The same per (w, y) for short lanes, at {@code 8·(w·(maxY+1) + y)}: 1 + 2⁷·w, w², y, wy, y² mod 2⁸,
     * y² / 2⁸ (the score mask's two fields take the first and the third).
     */
    private final short[] shortConstants;
    /**
     * Most chunks in one pass: a bitmap word's four. A fifth (20 accumulators) made the method too big for C2 to
     * compile the vectors into registers: they became heap objects.
     */
    private static final int MAX_PASS_CHUNKS = CHUNKS_PER_PASS;
    /** The chunks of the current pass, in spill order. */
    private final int[] passChunks = new int[MAX_PASS_CHUNKS];
    /** Accumulators of one pass, spilled for decoding: chunk × 4 packed sums × 16 lanes. */
    private final int[] spilled = new int[MAX_PASS_CHUNKS * 4 * CHUNK];
    /** Exact sums of one pass: chunk × 6 sums × 16 lanes. */
    private final long[] sums = new long[MAX_PASS_CHUNKS * SUMS * CHUNK];

    DenseLastLevel(PrefixWalker walker, UserAnswers answers, int questions, int k, boolean compressGather) {
        this.walker = walker;
        this.compressGather = compressGather && CHUNK == 16;
        this.questions = questions;
        this.bitmapWords = (questions + 63) >>> 6;
        this.offset = 64 * bitmapWords - questions;
        this.chunks = bitmapWords * CHUNKS_PER_WORD;
        int users = answers.start.length - 1;
        this.bits = new long[users * 2 * bitmapWords];
        for (int u = 0; u < users; u++) {
            for (int p = answers.start[u]; p < answers.end[u]; p++) {
                int bit = answers.questions[p] + offset;
                bits[2 * u * bitmapWords + (bit >>> 6)] |= 1L << bit;
                if (answers.scores[p] == 1) {
                    bits[(2 * u + 1) * bitmapWords + (bit >>> 6)] |= 1L << bit;
                }
            }
        }
        long largest = 0;
        for (long y : answers.grandTotals) {
            largest = Math.max(largest, y);
        }
        this.maxY = Math.toIntExact(largest);
        int maxW = k - 1;
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
        this.shortConstants = new short[SHORT_FIELDS * (maxW + 1) * (maxY + 1)];
        for (int w = 0; w <= maxW; w++) {
            for (int y = 0; y <= maxY; y++) {
                int at = SHORT_FIELDS * (w * (maxY + 1) + y);
                shortConstants[at] = (short) (1 + (w << 7));
                shortConstants[at + 1] = (short) (w * w);
                shortConstants[at + 2] = (short) y;
                shortConstants[at + 3] = (short) (w * y);
                shortConstants[at + 4] = (short) (y * y & 0xFF);
                shortConstants[at + 5] = (short) (y * y >>> 8);
            }
        }
    }

    /**
     * True if this machine runs the kernel's vectors ({@link #INTS}: 512 or 256 bits) natively; with narrower
     * hardware the Vector API would emulate them in Java and the pair table is far faster.
     */
    static boolean fastHere() {
        return IntVector.SPECIES_PREFERRED.vectorBitSize() >= INTS.vectorBitSize();
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
     * n &lt; 2⁸, Σw &lt; 2¹⁰, Σw² &lt; 2¹² (lane 0); Σy &lt; 2¹⁴, Σwy &lt; 2¹⁸ (lane 1); Σy² &lt; 2³² (lane 2,
     * unsigned); and under the score mask c &lt; 2⁸, Σw &lt; 2¹⁰, Σy &lt; 2¹⁴ (lane 3, unsigned).
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
     * Most users one batch of short lanes may hold, for w ≤ {@code maxW}, y ≤ {@code maxY}: every 16-bit field
     * stays below 2¹⁶ (n &lt; 2⁷ beside Σw·2⁷; Σw², Σy, Σwy, Σ(y² mod 2⁸), Σ(y² / 2⁸) alone).
     */
    static int shortLimit(long maxW, long maxY) {
        long w = Math.max(1, maxW);
        long y = Math.max(1, maxY);
        long limit = 127;
        limit = Math.min(limit, (0xFFFF - 127) / (128 * w));
        limit = Math.min(limit, 0xFFFF / (w * w));
        limit = Math.min(limit, 0xFFFF / y);
        limit = Math.min(limit, 0xFFFF / (w * y));
        limit = Math.min(limit, 0xFFFF / 255);
        limit = Math.min(limit, 0xFFFF / Math.max(1, y * y >>> 8));
        return (int) limit;
    }

    /** Copies the bitmaps of a new work unit's {@code count} users ({@code unit}, compacted) side by side. */
    void startUnit(UserAnswers unit, int count) {
        if (unitBits.length < count * 2 * bitmapWords) {
            unitBits = new long[count * 2 * bitmapWords];
        }
        // A loop rather than System.arraycopy: a call per user costs more than copying its few words.
        for (int i = 0; i < count; i++) {
            int from = unit.original[i] * 2 * bitmapWords;
            int to = i * 2 * bitmapWords;
            for (int w = 0; w < 2 * bitmapWords; w++) {
                unitBits[to + w] = bits[from + w];
            }
        }
    }

    /**
     * Runs every set under a node of K−3 questions whose last question is {@code last}: users
     * {@code users[from..to-1]} (local to the unit) with x so far. The users of each child node (K−2 questions,
     * ending in c) are picked from the turned-around bitmaps as a leaf's are, a vector of users at a time, instead
     * of walking every user's answer list: those lists lie scattered over the data, the bitmaps in the unit's copy.
     */
    void runParent(int[] users, long[] xs, int from, int to, int last, UserAnswers answers) {
        int count = to - from;
        int lanes = wholeVectors(count);
        if (parentUser.length < lanes) {
            parentUser = new int[lanes];
            parentX = new int[lanes];
        }
        if (parentAnswered.length < 2 * bitmapWords * lanes) {
            parentAnswered = new int[2 * bitmapWords * lanes];
            parentScored = new int[2 * bitmapWords * lanes];
        }
        for (int i = 0; i < count; i++) {
            parentUser[i] = users[from + i];
            parentX[i] = (int) xs[from + i];
        }
        turnAround(parentUser, count, lanes, last, parentAnswered, parentScored);
        ensureNode(lanes);
        for (int c = last + 1, highest = questions - 3; c <= highest && !walker.stopped(); c++) {
            int bit = c + offset;
            int base = (bit >>> 5) * lanes;
            int shift = 31 - (bit & 31);
            int n;
            int stride;
            if (compressGather) {
                n = pickNode(c, base, shift, lanes);
                stride = lanes;
            } else {
                n = pick(parentAnswered, parentScored, parentUser, parentX, childUser, childX, base, shift, lanes, 1);
                stride = wholeVectors(n);
                turnAround(childUser, n, stride, c, nodeAnswered, nodeScored);
            }
            if (n <= 1) {
                walker.skipNode(c);
            } else if (walker.enterNode(c)) {
                runNode(n, c, answers, stride);
            }
        }
    }

    /**
     * {@link #pick} for the child node of a (K−3)-node ending in c, with vector compress: besides the users and
     * their x, the same compress carries the parent's turned-around words (those holding a question after c) to
     * the child's, which would otherwise be turned around again user by user. Rows keep the parent's stride. Apart
     * from {@link #pick} on purpose: folded into it (the leaves passing no rows), the full search's probe ranges ran
     * 5–7% slower in three alternating pairs.
     */
    private int pickNode(int c, int base, int shift, int lanes) {
        int[] answered = parentAnswered;
        int[] scored = parentScored;
        int[] nodeAny = nodeAnswered;
        int[] nodeOne = nodeScored;
        int firstWord = (c + 1 + offset) >>> 5;
        int intWords = 2 * bitmapWords;
        int n = 0;
        for (int i = 0; i < lanes; i += CHUNK) {
            VectorMask<Integer> in = IntVector.fromArray(INTS, answered, base + i)
                    .lanewise(VectorOperators.LSHL, shift).compare(VectorOperators.LT, 0);
            VectorMask<Integer> scoredOne = IntVector.fromArray(INTS, scored, base + i)
                    .lanewise(VectorOperators.LSHL, shift).compare(VectorOperators.LT, 0);
            IntVector.fromArray(INTS, parentUser, i).compress(in).intoArray(childUser, n);
            IntVector.fromArray(INTS, parentX, i).add(1, scoredOne).compress(in).intoArray(childX, n);
            for (int w = firstWord; w < intWords; w++) {
                int row = w * lanes;
                IntVector.fromArray(INTS, answered, row + i).compress(in).intoArray(nodeAny, row + n);
                IntVector.fromArray(INTS, scored, row + i).compress(in).intoArray(nodeOne, row + n);
            }
            n += in.trueCount();
        }
        // Lanes past the last user up to a whole vector answered nothing (their scored words are never read).
        for (int w = firstWord; w < intWords; w++) {
            java.util.Arrays.fill(nodeAny, w * lanes + n, w * lanes + wholeVectors(n), 0);
        }
        return n;
    }

    /**
     * Runs every set under a node of K−2 questions whose last question is {@code last}: users
     * {@code users[from..to-1]} (local to the unit) with x so far. {@code prefix} holds the node's questions; slot
     * K−2 is filled in here.
     */
    void runNode(int[] users, long[] xs, int from, int to, int last, UserAnswers answers) {
        int count = to - from;
        int lanes = wholeVectors(count);
        ensureNode(lanes);
        for (int i = 0; i < count; i++) {
            childUser[i] = users[from + i];
            childX[i] = (int) xs[from + i];
        }
        turnAround(childUser, count, lanes, last, nodeAnswered, nodeScored);
        runNode(count, last, answers, lanes);
    }

    /** Room for a (K−2)-node of up to {@code lanes} users. */
    private void ensureNode(int lanes) {
        if (nodeBitmap.length < lanes) {
            nodeBitmap = new int[lanes];
            nodeConstant = new int[lanes];
            leafUser = new int[lanes];
            leafConstant = new int[lanes];
            childUser = new int[lanes];
            childX = new int[lanes];
        }
        if (nodeAnswered.length < 2 * bitmapWords * lanes) {
            nodeAnswered = new int[2 * bitmapWords * lanes];
            nodeScored = new int[2 * bitmapWords * lanes];
        }
    }

    /**
     * {@link #runNode(int[], long[], int, int, int, UserAnswers)} for the {@code count} users in {@link #childUser}
     * and {@link #childX}, whose bitmaps are turned around already, in rows of {@code stride} ints.
     */
    private void runNode(int count, int last, UserAnswers answers, int stride) {
        // Whole vectors of lanes; lanes past the last user have no answers and are never picked.
        int lanes = wholeVectors(count);
        int step = maxY + 1;
        int nodeMaxX = 0;
        for (int i = 0; i < count; i++) {
            int user = childUser[i];
            int x = childX[i];
            nodeBitmap[i] = user * 2 * bitmapWords;
            nodeConstant[i] = 4 * (x * step + (int) answers.grandTotals[user]);
            nodeMaxX = Math.max(nodeMaxX, x);
        }
        nodeStride = stride;
        int limit = batchLimit(nodeMaxX + 1, maxY);
        shortBatch = SHORT_PASSES ? Math.min(limit, shortLimit(nodeMaxX + 1, maxY)) : 0;
        for (int d = last + 1; d < questions - 1 && !walker.stopped(); d++) {
            leaf(d, lanes, limit);
        }
    }

    private static int wholeVectors(int count) {
        return (count + CHUNK - 1) / CHUNK * CHUNK;
    }

    /**
     * Turns the bitmaps of {@code users[0..count-1]} around into {@code answered} and {@code scored}: int
     * word w of user i at {@code w·lanes + i}; past the last user nothing is answered (and the scored words, never
     * read there, are left as they were). Only the words that hold a question after
     * {@code last} are written.
     */
    private void turnAround(int[] users, int count, int lanes, int last, int[] answered, int[] scored) {
        int intWords = 2 * bitmapWords;
        int firstWord = (last + 1 + offset) >>> 5;
        long[] all = unitBits;
        for (int i = 0; i < count; i++) {
            int at = users[i] * 2 * bitmapWords;
            for (int w = firstWord; w < intWords; w++) {
                int shift = (w & 1) * Integer.SIZE;
                answered[w * lanes + i] = (int) (all[at + (w >>> 1)] >>> shift);
                scored[w * lanes + i] = (int) (all[at + bitmapWords + (w >>> 1)] >>> shift);
            }
        }
        for (int w = firstWord; w < intWords; w++) {
            java.util.Arrays.fill(answered, w * lanes + count, (w + 1) * lanes, 0);
        }
    }

    /** The sets whose last two questions are d and some e &gt; d. */
    private void leaf(int d, int lanes, int limit) {
        if (!walker.enterLeaf(d)) {
            return;
        }
        int n = gather(d, lanes);
        int sets = questions - 1 - d;
        if (n <= 1) {
            walker.countUndefined(sets);
            return;
        }
        int firstChunk = (d + 1 + offset) / CHUNK;
        int lastPass = (chunks - 1) / CHUNKS_PER_PASS;
        for (int pass = firstChunk / CHUNKS_PER_PASS; pass <= lastPass; pass++) {
            int from = Math.max(firstChunk, pass * CHUNKS_PER_PASS);
            int valid = Math.min(chunks, (pass + 1) * CHUNKS_PER_PASS) - from;
            // A pass of four chunks costs less per chunk than narrower ones (constants are broadcast once per user),
            // so three chunks holding sets take the whole pass; lanes at or before d are computed and ignored.
            if (valid >= 3) {
                passes(n, limit, d, pass * CHUNKS_PER_PASS, CHUNKS_PER_PASS);
            } else {
                passes(n, limit, d, from, valid);
            }
        }
    }

    /**
     * Collects the users of leaf d (their mask offsets and packed constants), a vector of the node's users at a
     * time: bit d of each user's turned-around bitmap word, shifted into the sign bit, makes the lane mask.
     */
    private int gather(int d, int lanes) {
        int bit = d + offset;
        return pick(nodeAnswered, nodeScored, nodeBitmap, nodeConstant, leafUser, leafConstant,
                (bit >>> 5) * nodeStride, 31 - (bit & 31), lanes, 4 * (maxY + 1));
    }

    /**
     * Copies {@code ids[i]} and {@code values[i]} of every lane i whose bit (shifted to the sign bit by
     * {@code shift}) is set in the turned-around word at {@code answered[base + i]} to the front of {@code idsOut}
     * and {@code valuesOut}, adding {@code step} to the value where the same bit of {@code scored} is set; returns
     * how many. With AVX-512 the picked lanes are compressed to the front and stored, a few instructions per
     * sixteen users; AVX2 has no compress instruction (the Vector API would emulate it in Java), so there the set
     * bits of the mask are walked one at a time. The arrays come in as parameters: C2 then hoists their bounds
     * checks out of the loop, where it reloaded every field after each vector store.
     */
    private int pick(int[] answered, int[] scored, int[] ids, int[] values, int[] idsOut, int[] valuesOut, int base,
            int shift, int lanes, int step) {
        if (!compressGather) {
            return pickBitByBit(answered, scored, ids, values, idsOut, valuesOut, base, shift, lanes, step);
        }
        int n = 0;
        for (int i = 0; i < lanes; i += CHUNK) {
            VectorMask<Integer> in = IntVector.fromArray(INTS, answered, base + i)
                    .lanewise(VectorOperators.LSHL, shift).compare(VectorOperators.LT, 0);
            VectorMask<Integer> scoredOne = IntVector.fromArray(INTS, scored, base + i)
                    .lanewise(VectorOperators.LSHL, shift).compare(VectorOperators.LT, 0);
            IntVector.fromArray(INTS, ids, i).compress(in).intoArray(idsOut, n);
            IntVector.fromArray(INTS, values, i).add(step, scoredOne).compress(in).intoArray(valuesOut, n);
            n += in.trueCount();
        }
        return n;
    }

    /** {@link #pick} walking the set bits of each lane mask. */
    private static int pickBitByBit(int[] answered, int[] scored, int[] ids, int[] values, int[] idsOut,
            int[] valuesOut, int base, int shift, int lanes, int step) {
        int n = 0;
        for (int i = 0; i < lanes; i += CHUNK) {
            long picked = IntVector.fromArray(INTS, answered, base + i)
                    .lanewise(VectorOperators.LSHL, shift).compare(VectorOperators.LT, 0).toLong();
            long scores = IntVector.fromArray(INTS, scored, base + i)
                    .lanewise(VectorOperators.LSHL, shift).compare(VectorOperators.LT, 0).toLong();
            for (; picked != 0; picked &= picked - 1) {
                int lane = Long.numberOfTrailingZeros(picked);
                idsOut[n] = ids[i + lane];
                valuesOut[n] = values[i + lane] + step * (int) ((scores >>> lane) & 1);
                n++;
            }
        }
        return n;
    }

    /**
     * Runs the leaf's users over the {@code width} chunks (1, 2 or 4) from {@code first}, batch by batch, then
     * judges those sets.
     */
    private void passes(int n, int limit, int d, int first, int width) {
        for (int c = 0; c < width; c++) {
            passChunks[c] = first + c;
        }
        boolean shortLanes = width > 1 && n >= SHORT_MIN_USERS && n <= shortBatch;
        if (n <= limit && walker.admitFrom > 0) {
            pass(0, n, first, width, shortLanes);
            judgePacked(d, width);
            return;
        }
        for (int batch = 0; batch < n; batch += limit) {
            int batchEnd = Math.min(n, batch + limit);
            pass(batch, batchEnd, first, width, shortLanes);
            decode(d, width, batch == 0);
        }
        judge(d, width);
    }

    /**
     * Adds leaf users {@code from..to-1} into the accumulators of {@code width} chunks from {@code first}, in short
     * lanes if {@code shortLanes} (two or four chunks only).
     */
    private void pass(int from, int to, int first, int width, boolean shortLanes) {
        switch (width) {
            case 1 -> passOfOne(from, to, first);
            case 2 -> {
                if (shortLanes) {
                    passOfHalfWord(from, to, first);
                } else {
                    passOfTwo(from, to, first);
                }
            }
            default -> {
                if (shortLanes) {
                    passOfWord(from, to, first);
                } else {
                    passOfFour(from, to, first);
                }
            }
        }
    }

    /**
     * Adds every leaf user in {@code from..to-1} into the accumulators of the 4 chunks from {@code first}. With
     * AVX-512, leaves of {@link #SHORT_MIN_USERS} to {@link #shortBatch} users take {@link #passOfWord} instead.
     */
    private void passOfFour(int from, int to, int first) {
        IntVector zero = IntVector.zero(INTS);
        IntVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
        IntVector b0 = zero, b1 = zero, b2 = zero, b3 = zero;
        IntVector c0 = zero, c1 = zero, c2 = zero, c3 = zero;
        IntVector d0 = zero, d1 = zero, d2 = zero, d3 = zero;
        int[] userAt = leafUser;
        int[] constantAt = leafConstant;
        int[] k = constants;
        long[] any = unitBits;
        int word = first / CHUNKS_PER_WORD;
        int scoredWord = word + bitmapWords;
        int shift = first % CHUNKS_PER_WORD * CHUNK;
        for (int j = from; j < to; j++) {
            long answered = any[userAt[j] + word] >>> shift;
            long scored = any[userAt[j] + scoredWord] >>> shift;
            int at = constantAt[j];
            IntVector k0 = IntVector.broadcast(INTS, k[at]);
            IntVector k1 = IntVector.broadcast(INTS, k[at + 1]);
            IntVector k2 = IntVector.broadcast(INTS, k[at + 2]);
            IntVector k3 = IntVector.broadcast(INTS, k[at + 3]);
            VectorMask<Integer> m = VectorMask.fromLong(INTS, answered);
            VectorMask<Integer> s = VectorMask.fromLong(INTS, scored);
            a0 = a0.add(k0, m);
            a1 = a1.add(k1, m);
            a2 = a2.add(k2, m);
            a3 = a3.add(k3, s);
            m = VectorMask.fromLong(INTS, answered >>> CHUNK);
            s = VectorMask.fromLong(INTS, scored >>> CHUNK);
            b0 = b0.add(k0, m);
            b1 = b1.add(k1, m);
            b2 = b2.add(k2, m);
            b3 = b3.add(k3, s);
            m = VectorMask.fromLong(INTS, answered >>> 2 * CHUNK);
            s = VectorMask.fromLong(INTS, scored >>> 2 * CHUNK);
            c0 = c0.add(k0, m);
            c1 = c1.add(k1, m);
            c2 = c2.add(k2, m);
            c3 = c3.add(k3, s);
            m = VectorMask.fromLong(INTS, answered >>> 3 * CHUNK);
            s = VectorMask.fromLong(INTS, scored >>> 3 * CHUNK);
            d0 = d0.add(k0, m);
            d1 = d1.add(k1, m);
            d2 = d2.add(k2, m);
            d3 = d3.add(k3, s);
        }
        int[] out = spilled;
        a0.intoArray(out, 0);
        a1.intoArray(out, CHUNK);
        a2.intoArray(out, 2 * CHUNK);
        a3.intoArray(out, 3 * CHUNK);
        b0.intoArray(out, 4 * CHUNK);
        b1.intoArray(out, 5 * CHUNK);
        b2.intoArray(out, 6 * CHUNK);
        b3.intoArray(out, 7 * CHUNK);
        c0.intoArray(out, 8 * CHUNK);
        c1.intoArray(out, 9 * CHUNK);
        c2.intoArray(out, 10 * CHUNK);
        c3.intoArray(out, 11 * CHUNK);
        d0.intoArray(out, 12 * CHUNK);
        d1.intoArray(out, 13 * CHUNK);
        d2.intoArray(out, 14 * CHUNK);
        d3.intoArray(out, 15 * CHUNK);
    }

    /**
     * As {@link #passOfFour} in short lanes (AVX-512): two vectors of 32 questions cover the word, eight fields each,
     * from {@link #shortConstants}; {@code leafConstant} indexes the int table, four per (w, y) where the short one
     * has eight. The sums are spilled and widened into {@link #spilled}.
     */
    private void passOfWord(int from, int to, int first) {
        ShortVector zero = ShortVector.zero(SHORTS);
        ShortVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero, a6 = zero, a7 = zero;
        ShortVector b0 = zero, b1 = zero, b2 = zero, b3 = zero, b4 = zero, b5 = zero, b6 = zero, b7 = zero;
        int[] userAt = leafUser;
        int[] constantAt = leafConstant;
        short[] k = shortConstants;
        long[] any = unitBits;
        int word = first / CHUNKS_PER_WORD;
        int scoredWord = word + bitmapWords;
        for (int j = from; j < to; j++) {
            long answered = any[userAt[j] + word];
            long scored = any[userAt[j] + scoredWord];
            int at = constantAt[j] * (SHORT_FIELDS / 4);
            ShortVector k0 = ShortVector.broadcast(SHORTS, k[at]);
            ShortVector k1 = ShortVector.broadcast(SHORTS, k[at + 1]);
            ShortVector k2 = ShortVector.broadcast(SHORTS, k[at + 2]);
            ShortVector k3 = ShortVector.broadcast(SHORTS, k[at + 3]);
            ShortVector k4 = ShortVector.broadcast(SHORTS, k[at + 4]);
            ShortVector k5 = ShortVector.broadcast(SHORTS, k[at + 5]);
            VectorMask<Short> m = VectorMask.fromLong(SHORTS, answered);
            VectorMask<Short> s = VectorMask.fromLong(SHORTS, scored);
            a0 = a0.add(k0, m);
            a1 = a1.add(k1, m);
            a2 = a2.add(k2, m);
            a3 = a3.add(k3, m);
            a4 = a4.add(k4, m);
            a5 = a5.add(k5, m);
            a6 = a6.add(k0, s);
            a7 = a7.add(k2, s);
            m = VectorMask.fromLong(SHORTS, answered >>> 32);
            s = VectorMask.fromLong(SHORTS, scored >>> 32);
            b0 = b0.add(k0, m);
            b1 = b1.add(k1, m);
            b2 = b2.add(k2, m);
            b3 = b3.add(k3, m);
            b4 = b4.add(k4, m);
            b5 = b5.add(k5, m);
            b6 = b6.add(k0, s);
            b7 = b7.add(k2, s);
        }
        short[] out = spilledShorts;
        a0.intoArray(out, 0);
        a1.intoArray(out, HALF_WORD);
        a2.intoArray(out, 2 * HALF_WORD);
        a3.intoArray(out, 3 * HALF_WORD);
        a4.intoArray(out, 4 * HALF_WORD);
        a5.intoArray(out, 5 * HALF_WORD);
        a6.intoArray(out, 6 * HALF_WORD);
        a7.intoArray(out, 7 * HALF_WORD);
        b0.intoArray(out, 8 * HALF_WORD);
        b1.intoArray(out, 9 * HALF_WORD);
        b2.intoArray(out, 10 * HALF_WORD);
        b3.intoArray(out, 11 * HALF_WORD);
        b4.intoArray(out, 12 * HALF_WORD);
        b5.intoArray(out, 13 * HALF_WORD);
        b6.intoArray(out, 14 * HALF_WORD);
        b7.intoArray(out, 15 * HALF_WORD);
        widen(0, 0, 0);
        widen(0, 1, 4 * CHUNK);
        widen(8 * HALF_WORD, 0, 8 * CHUNK);
        widen(8 * HALF_WORD, 1, 12 * CHUNK);
    }

    /** As {@link #passOfWord} for the upper half of the word: chunks {@code first} and {@code first+1}. */
    private void passOfHalfWord(int from, int to, int first) {
        ShortVector zero = ShortVector.zero(SHORTS);
        ShortVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero, a6 = zero, a7 = zero;
        int[] userAt = leafUser;
        int[] constantAt = leafConstant;
        short[] k = shortConstants;
        long[] any = unitBits;
        int word = first / CHUNKS_PER_WORD;
        int scoredWord = word + bitmapWords;
        for (int j = from; j < to; j++) {
            int at = constantAt[j] * (SHORT_FIELDS / 4);
            ShortVector k0 = ShortVector.broadcast(SHORTS, k[at]);
            ShortVector k2 = ShortVector.broadcast(SHORTS, k[at + 2]);
            VectorMask<Short> m = VectorMask.fromLong(SHORTS, any[userAt[j] + word] >>> 32);
            VectorMask<Short> s = VectorMask.fromLong(SHORTS, any[userAt[j] + scoredWord] >>> 32);
            a0 = a0.add(k0, m);
            a1 = a1.add(ShortVector.broadcast(SHORTS, k[at + 1]), m);
            a2 = a2.add(k2, m);
            a3 = a3.add(ShortVector.broadcast(SHORTS, k[at + 3]), m);
            a4 = a4.add(ShortVector.broadcast(SHORTS, k[at + 4]), m);
            a5 = a5.add(ShortVector.broadcast(SHORTS, k[at + 5]), m);
            a6 = a6.add(k0, s);
            a7 = a7.add(k2, s);
        }
        short[] out = spilledShorts;
        a0.intoArray(out, 0);
        a1.intoArray(out, HALF_WORD);
        a2.intoArray(out, 2 * HALF_WORD);
        a3.intoArray(out, 3 * HALF_WORD);
        a4.intoArray(out, 4 * HALF_WORD);
        a5.intoArray(out, 5 * HALF_WORD);
        a6.intoArray(out, 6 * HALF_WORD);
        a7.intoArray(out, 7 * HALF_WORD);
        widen(0, 0, 0);
        widen(0, 1, 4 * CHUNK);
    }

    /** The short sums of one pass, spilled for widening: half word × 8 fields × 32 lanes. */
    private final short[] spilledShorts = new short[2 * SHORT_FIELDS * HALF_WORD];

    /**
     * Writes half {@code part} of the eight short fields at {@code from} in {@link #spilledShorts} as the four
     * packed int lanes of one chunk at {@code at} in {@link #spilled} (exact: the batch fits {@link #batchLimit}).
     */
    private void widen(int from, int part, int at) {
        short[] in = spilledShorts;
        int[] out = spilled;
        int half = from + part * CHUNK;
        IntVector n = (IntVector) ShortVector.fromArray(SHORT_CHUNK, in, half)
                .convertShape(WIDEN, INTS, 0);
        IntVector ww = (IntVector) ShortVector.fromArray(SHORT_CHUNK, in, half + HALF_WORD)
                .convertShape(WIDEN, INTS, 0);
        IntVector y = (IntVector) ShortVector.fromArray(SHORT_CHUNK, in, half + 2 * HALF_WORD)
                .convertShape(WIDEN, INTS, 0);
        IntVector wy = (IntVector) ShortVector.fromArray(SHORT_CHUNK, in, half + 3 * HALF_WORD)
                .convertShape(WIDEN, INTS, 0);
        IntVector yyLow = (IntVector) ShortVector.fromArray(SHORT_CHUNK, in, half + 4 * HALF_WORD)
                .convertShape(WIDEN, INTS, 0);
        IntVector yyHigh = (IntVector) ShortVector.fromArray(SHORT_CHUNK, in, half + 5 * HALF_WORD)
                .convertShape(WIDEN, INTS, 0);
        IntVector ones = (IntVector) ShortVector.fromArray(SHORT_CHUNK, in, half + 6 * HALF_WORD)
                .convertShape(WIDEN, INTS, 0);
        IntVector onesY = (IntVector) ShortVector.fromArray(SHORT_CHUNK, in, half + 7 * HALF_WORD)
                .convertShape(WIDEN, INTS, 0);
        // n + 2⁷·Σw becomes n + 2⁸·Σw by adding Σw·2⁷ once more.
        n.add(n.lanewise(VectorOperators.LSHR, 7).lanewise(VectorOperators.LSHL, 7))
                .add(ww.lanewise(VectorOperators.LSHL, 18)).intoArray(out, at);
        y.add(wy.lanewise(VectorOperators.LSHL, 14)).intoArray(out, at + CHUNK);
        yyLow.add(yyHigh.lanewise(VectorOperators.LSHL, 8)).intoArray(out, at + 2 * CHUNK);
        ones.add(ones.lanewise(VectorOperators.LSHR, 7).lanewise(VectorOperators.LSHL, 7))
                .add(onesY.lanewise(VectorOperators.LSHL, 18)).intoArray(out, at + 3 * CHUNK);
    }

    /** As {@link #passOfFour} for the 2 chunks from {@code first}. */
    private void passOfTwo(int from, int to, int first) {
        IntVector zero = IntVector.zero(INTS);
        IntVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
        IntVector b0 = zero, b1 = zero, b2 = zero, b3 = zero;
        int[] userAt = leafUser;
        int[] constantAt = leafConstant;
        int[] k = constants;
        long[] any = unitBits;
        int word = first / CHUNKS_PER_WORD;
        int scoredWord = word + bitmapWords;
        int shift = first % CHUNKS_PER_WORD * CHUNK;
        for (int j = from; j < to; j++) {
            long answered = any[userAt[j] + word] >>> shift;
            long scored = any[userAt[j] + scoredWord] >>> shift;
            int at = constantAt[j];
            IntVector k0 = IntVector.broadcast(INTS, k[at]);
            IntVector k1 = IntVector.broadcast(INTS, k[at + 1]);
            IntVector k2 = IntVector.broadcast(INTS, k[at + 2]);
            IntVector k3 = IntVector.broadcast(INTS, k[at + 3]);
            VectorMask<Integer> m = VectorMask.fromLong(INTS, answered);
            VectorMask<Integer> s = VectorMask.fromLong(INTS, scored);
            a0 = a0.add(k0, m);
            a1 = a1.add(k1, m);
            a2 = a2.add(k2, m);
            a3 = a3.add(k3, s);
            m = VectorMask.fromLong(INTS, answered >>> CHUNK);
            s = VectorMask.fromLong(INTS, scored >>> CHUNK);
            b0 = b0.add(k0, m);
            b1 = b1.add(k1, m);
            b2 = b2.add(k2, m);
            b3 = b3.add(k3, s);
        }
        int[] out = spilled;
        a0.intoArray(out, 0);
        a1.intoArray(out, CHUNK);
        a2.intoArray(out, 2 * CHUNK);
        a3.intoArray(out, 3 * CHUNK);
        b0.intoArray(out, 4 * CHUNK);
        b1.intoArray(out, 5 * CHUNK);
        b2.intoArray(out, 6 * CHUNK);
        b3.intoArray(out, 7 * CHUNK);
    }

    /** As {@link #passOfFour} for the single chunk {@code chunk}. */
    private void passOfOne(int from, int to, int chunk) {
        IntVector zero = IntVector.zero(INTS);
        IntVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
        int[] userAt = leafUser;
        int[] constantAt = leafConstant;
        int[] k = constants;
        long[] any = unitBits;
        int word = chunk / CHUNKS_PER_WORD;
        int scoredWord = word + bitmapWords;
        int shift = chunk % CHUNKS_PER_WORD * CHUNK;
        for (int j = from; j < to; j++) {
            int at = constantAt[j];
            VectorMask<Integer> m = VectorMask.fromLong(INTS, any[userAt[j] + word] >>> shift);
            VectorMask<Integer> s = VectorMask.fromLong(INTS, any[userAt[j] + scoredWord] >>> shift);
            a0 = a0.add(IntVector.broadcast(INTS, k[at]), m);
            a1 = a1.add(IntVector.broadcast(INTS, k[at + 1]), m);
            a2 = a2.add(IntVector.broadcast(INTS, k[at + 2]), m);
            a3 = a3.add(IntVector.broadcast(INTS, k[at + 3]), s);
        }
        a0.intoArray(spilled, 0);
        a1.intoArray(spilled, CHUNK);
        a2.intoArray(spilled, 2 * CHUNK);
        a3.intoArray(spilled, 3 * CHUNK);
    }

    /**
     * Unpacks the spilled accumulators of {@code width} chunks into exact sums for the sets of leaf {@code d}
     * (set on the first batch, else added). Plain scalar code on purpose: it runs once per (set, batch), and vector
     * code this long exceeds what C2 inlines, which turns every vector into a heap object.
     */
    private void decode(int d, int width, boolean first) {
        int[] in = spilled;
        long[] out = sums;
        for (int c = 0; c < width; c++) {
            int from = c * 4 * CHUNK;
            int to = c * SUMS * CHUNK;
            // Only lanes that are sets (d < e < questions): a leaf averages ~40 sets, far fewer than its lanes.
            int firstE = passChunks[c] * CHUNK - offset;
            int toLane = Math.min(CHUNK, questions - firstE);
            for (int lane = Math.max(0, d + 1 - firstE); lane < toLane; lane++) {
                decodeLane(from, lane, to + lane, first);
            }
        }
    }

    /**
     * Unpacks lane {@code lane} of the spilled chunk at {@code from} into the exact sums at {@code at} (one lane of
     * {@link #sums}), setting them if {@code first}, else adding to them.
     */
    private void decodeLane(int from, int lane, int at, boolean first) {
        int[] in = spilled;
        long[] out = sums;
        int lane0 = in[from + lane];
        int lane1 = in[from + CHUNK + lane];
        long lane2 = in[from + 2 * CHUNK + lane] & 0xFFFF_FFFFL;
        int lane3 = in[from + 3 * CHUNK + lane];
        long n = lane0 & 0xFF;
        long sumW = (lane0 >>> 8) & 0x3FF;
        long sumWW = lane0 >>> 18;
        long sumY = lane1 & 0x3FFF;
        long sumWY = lane1 >>> 14;
        long ones = lane3 & 0xFF;
        long onesW = (lane3 >>> 8) & 0x3FF;
        long onesY = lane3 >>> 18;
        if (first) {
            out[at + N * CHUNK] = n;
            out[at + SA * CHUNK] = sumW + ones;
            out[at + SB * CHUNK] = sumY;
            out[at + SAB * CHUNK] = sumWY + onesY;
            out[at + SAA * CHUNK] = sumWW + 2 * onesW + ones;
            out[at + SBB * CHUNK] = lane2;
        } else {
            out[at + N * CHUNK] += n;
            out[at + SA * CHUNK] += sumW + ones;
            out[at + SB * CHUNK] += sumY;
            out[at + SAB * CHUNK] += sumWY + onesY;
            out[at + SAA * CHUNK] += sumWW + 2 * onesW + ones;
            out[at + SBB * CHUNK] += lane2;
        }
    }

    /**
     * Judges a leaf added in one batch straight from the spilled packed lanes: {@link #screen} finds, a chunk at a
     * time in vector lanes, the sets that are undefined (counted) and the few whose r can reach the kept list's
     * threshold; only those are decoded and judged exactly. Needs a threshold above zero (the kept list is full
     * of positive r), as {@link #judge} then skips the same sets.
     */
    private void judgePacked(int d, int width) {
        int minUsers = walker.minUsers();
        double admitSquared = walker.admitFrom * walker.admitFrom;
        long undefined = 0;
        for (int c = 0; c < width; c++) {
            int firstE = passChunks[c] * CHUNK - offset;
            int fromLane = Math.max(0, d + 1 - firstE);
            int toLane = Math.min(CHUNK, questions - firstE);
            if (fromLane >= toLane) {
                continue;
            }
            long valid = (-1L >>> (Long.SIZE - toLane)) & (-1L << fromLane);
            int from = c * 4 * CHUNK;
            long eligible = screen(from, valid, minUsers, admitSquared);
            undefined += screenedUndefined;
            for (long bits = eligible; bits != 0; bits &= bits - 1) {
                int lane = Long.numberOfTrailingZeros(bits);
                int at = c * SUMS * CHUNK + lane;
                decodeLane(from, lane, at, true);
                long[] in = sums;
                walker.candidate(d, firstE + lane, in[at + N * CHUNK], in[at + SA * CHUNK], in[at + SB * CHUNK],
                        in[at + SAB * CHUNK], in[at + SAA * CHUNK], in[at + SBB * CHUNK]);
            }
        }
        walker.countUndefined(undefined);
    }

    /** Undefined sets among the valid lanes of the last {@link #screen}. */
    private int screenedUndefined;

    /**
     * The lanes (bits) of the spilled chunk at {@code from}, among {@code valid}, that {@link #judge} would pass
     * on to the exact rule: defined, at least {@code minUsers} users, num &gt; 0 and num² ≥ t²·da·db in the same
     * double arithmetic. n, num and da are exact in int lanes (n &lt; 2⁸, Sab &lt; 2¹⁹, Sa·Sb &lt; 2²⁵); db needs
     * n·Sbb &lt; 2⁴⁰ and is exact in double lanes, so the decisions are {@link #judge}'s, lane for lane.
     */
    private long screen(int from, long valid, int minUsers, double admitSquared) {
        int[] in = spilled;
        IntVector lane0 = IntVector.fromArray(INTS, in, from);
        IntVector lane1 = IntVector.fromArray(INTS, in, from + CHUNK);
        IntVector lane2 = IntVector.fromArray(INTS, in, from + 2 * CHUNK);
        IntVector lane3 = IntVector.fromArray(INTS, in, from + 3 * CHUNK);
        IntVector n = lane0.and(0xFF);
        IntVector ones = lane3.and(0xFF);
        IntVector sa = lane0.lanewise(VectorOperators.LSHR, 8).and(0x3FF).add(ones);
        IntVector saa = lane0.lanewise(VectorOperators.LSHR, 18)
                .add(lane3.lanewise(VectorOperators.LSHR, 8).and(0x3FF).lanewise(VectorOperators.LSHL, 1)).add(ones);
        IntVector sb = lane1.and(0x3FFF);
        IntVector sab = lane1.lanewise(VectorOperators.LSHR, 14).add(lane3.lanewise(VectorOperators.LSHR, 18));
        IntVector num = n.mul(sab).sub(sa.mul(sb));
        IntVector da = n.mul(saa).sub(sa.mul(sa));
        long enough = n.compare(VectorOperators.GE, 2).toLong() & da.compare(VectorOperators.NE, 0).toLong();
        long supported = n.compare(VectorOperators.GE, minUsers).toLong()
                & num.compare(VectorOperators.GT, 0).toLong();
        // Sbb is unsigned: its top 31 bits and its lowest bit are converted apart.
        IntVector sbbHigh = lane2.lanewise(VectorOperators.LSHR, 1);
        IntVector sbbLow = lane2.and(1);
        long dbNonZero = 0;
        long strong = 0;
        for (int part = 0; part < 2; part++) {
            DoubleVector nd = (DoubleVector) n.convertShape(VectorOperators.I2D, DOUBLES, part);
            DoubleVector sbd = (DoubleVector) sb.convertShape(VectorOperators.I2D, DOUBLES, part);
            DoubleVector sbbd = ((DoubleVector) sbbHigh.convertShape(VectorOperators.I2D, DOUBLES, part)).mul(2)
                    .add((DoubleVector) sbbLow.convertShape(VectorOperators.I2D, DOUBLES, part));
            DoubleVector db = nd.mul(sbbd).sub(sbd.mul(sbd));
            DoubleVector numd = (DoubleVector) num.convertShape(VectorOperators.I2D, DOUBLES, part);
            DoubleVector dad = (DoubleVector) da.convertShape(VectorOperators.I2D, DOUBLES, part);
            dbNonZero |= db.compare(VectorOperators.NE, 0).toLong() << (part * HALF);
            strong |= numd.mul(numd).compare(VectorOperators.GE, dad.mul(db).mul(admitSquared)).toLong()
                    << (part * HALF);
        }
        long defined = enough & dbNonZero;
        screenedUndefined = Long.bitCount(valid & ~defined);
        return valid & defined & supported & strong;
    }

    /** Judges the sets (prefix, d, e) for e in the pass's {@code width} chunks: counts and candidates. */
    private void judge(int d, int width) {
        int minUsers = walker.minUsers();
        long[] in = sums;
        long undefined = 0;
        for (int c = 0; c < width; c++) {
            int firstE = passChunks[c] * CHUNK - offset;
            int base = c * SUMS * CHUNK;
            int fromLane = Math.max(0, d + 1 - firstE);
            int toLane = Math.min(CHUNK, questions - firstE);
            for (int lane = fromLane; lane < toLane; lane++) {
                int at = base + lane;
                long n = in[at + N * CHUNK];
                long sa = in[at + SA * CHUNK];
                long sb = in[at + SB * CHUNK];
                long saa = in[at + SAA * CHUNK];
                long sbb = in[at + SBB * CHUNK];
                long da = n * saa - sa * sa;
                long db = n * sbb - sb * sb;
                if (n < 2 || da == 0 || db == 0) {
                    undefined++;
                    continue;
                }
                long sab = in[at + SAB * CHUNK];
                if (n >= minUsers && walker.mayEnter(n * sab - sa * sb, da, db)) {
                    walker.candidate(d, firstE + lane, n, sa, sb, sab, saa, sbb);
                }
            }
        }
        walker.countUndefined(undefined);
    }
}
