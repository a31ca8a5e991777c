package fasterjava.corrset.search;

import fasterjava.corrset.Correlation;

/**
 * The last two levels of the prefix tree, turned around: for a node of K−2 questions, one table entry per pair
 * (d, e) of later questions, filled user by user and then read once.
 *
 * <p><b>Layout.</b> Questions after the node are renumbered {@code 0..remaining-1}; pair (d, e) with d &lt; e sits at
 * entry {@code e(e−1)/2 + d}: all pairs of one e are adjacent ("column-major"), so a user's inner loop over d for a
 * fixed e stays inside one short stretch of the table.
 *
 * <p><b>Packed sums.</b> An entry holds the six sums of its set in two longs, so one user's contribution to one
 * set is two plain adds: the first long = n + Sa·2¹⁶ + Saa·2³² + Sb·2⁴⁸, the second = Sab + Sbb·2³² (fields read
 * as unsigned). That is exact only while no field outgrows its bits, which depends on the node's user
 * count and the largest x and y in it; {@link #packedFits} checks this per node, and nodes that fail use the wide
 * table (six longs per entry, one scalar add each) instead — slower, never wrong.
 *
 * <p><b>Where it stands.</b> This is the engine's path for data with scores other than 0/1, for machines without
 * 256-bit vectors, and for searches too small to pay for compiling {@link DenseLastLevel}'s vector code (where the
 * two cross over is measured at {@link PrefixTreeSearch#DENSE_MIN_SETS}). Each (set, user) costs two adds at an
 * address read from the data.
 */
final class PairTable {
    private static final long FIELD16 = 1L << 16;
    private static final long FIELD32 = 1L << 32;

    /**
     * Entries per block of e-columns (16 bytes each): 2,048 entries are 32 KiB, inside the 48 KiB L1 data cache of
     * the workshop machine, leaving room for the users' lists. (In isolation a random 128-bit read-modify-write
     * cost ~1.2 ns in a 16 KiB table against ~1.9 ns in a 300 KiB one; the blocking itself was not measured
     * against an unblocked loop of the same shape.)
     */
    private static final int BLOCK_ENTRIES = 2048;
    /** More distinct score values than this and the per-value lists cost more than they save: use the wide path. */
    private static final int MAX_SCORE_VALUES = 8;
    /** Most later answers per user, on average over a node, for {@link #addPairs} (64 beat 4, 8 and 16). */
    private static final int SHORT_LIST = 64;

    private final PrefixWalker walker;
    /** The distinct scores in the data, ascending; a user's questions are grouped by these. */
    private final int[] scoreValues;
    /** Packed entries, two longs each; all zero between nodes (judging an entry clears it). */
    private long[] packed = new long[0];
    /** Wide entries, six longs each; all zero between nodes. */
    private long[] wide = new long[0];
    /** Per user of the node: next answer position to add as e, and per score value how many d's lie behind. */
    private int[] cursor = new int[0];
    private int[] passed = new int[0];
    /**
     * Per user and score value: where their list of d offsets ({@code 2 × d}) starts in {@link #offsets} (with two
     * values the second list runs backwards from there, see {@link #groupFirst}).
     */
    private int[] groupStart = new int[0];
    private int[] offsets = new int[0];

    PairTable(PrefixWalker walker, UserAnswers answers) {
        this.walker = walker;
        this.scoreValues = answers.distinctScores();
    }

    /**
     * Adds every user of the node ({@code users[from..to-1]} with their answer positions and x so far) into the
     * table of the {@code remaining} questions from {@code first} on, then judges every pair. Returns the number
     * of undefined sets; candidates go to {@link PrefixWalker#candidate}.
     */
    long run(int[] users, int[] positions, long[] xs, int from, int to, int first, int remaining,
            UserAnswers answers) {
        int pairs = Math.toIntExact((long) remaining * (remaining - 1) / 2);
        if (scoreValues.length <= MAX_SCORE_VALUES && packedFits(users, xs, from, to, answers)) {
            if (packed.length < 2 * pairs) {
                packed = new long[2 * pairs];
            }
            return runPacked(users, positions, xs, from, to, first, remaining, answers);
        }
        if (wide.length < 6L * pairs) {
            wide = new long[Math.multiplyExact(6, pairs)];
        }
        for (int i = from; i < to; i++) {
            addWide(users[i], positions[i], xs[i], first, answers);
        }
        return finishWide(first, remaining);
    }

    /**
     * Whether every field of the packed layout stays within its bits for this node: with N users, x ≤ X and
     * y ≤ Y, n ≤ N, Sa ≤ N·X, Saa ≤ N·X² and Sb ≤ N·Y must stay below 2¹⁶, Sab ≤ N·X·Y and Sbb ≤ N·Y² below 2³².
     */
    private static boolean packedFits(int[] users, long[] xs, int from, int to, UserAnswers answers) {
        long n = to - from;
        long xMax = 0;
        long yMax = 0;
        for (int i = from; i < to; i++) {
            long y = answers.grandTotals[users[i]];
            // x only grows by the last two scores, and never passes y (it sums some of the scores y sums).
            xMax = Math.max(xMax, Math.min(y, xs[i] + 2L * answers.maxScore));
            yMax = Math.max(yMax, y);
        }
        try {
            return n < FIELD16
                    && Math.multiplyExact(n, xMax) < FIELD16
                    && Math.multiplyExact(Math.multiplyExact(n, xMax), xMax) < FIELD16
                    && Math.multiplyExact(n, yMax) < FIELD16
                    && Math.multiplyExact(Math.multiplyExact(n, xMax), yMax) < FIELD32
                    && Math.multiplyExact(Math.multiplyExact(n, yMax), yMax) < FIELD32;
        } catch (ArithmeticException tooBig) {
            return false;
        }
    }

    /**
     * The packed path: the table is filled and judged one block of e-columns at a time, so a block of
     * {@link #BLOCK_ENTRIES} entries stays in the L1 cache while every user adds into it, and is judged (and
     * cleared) while still there. Users add pair by pair ({@link #addPairs}) when the node's users have at most
     * {@link #SHORT_LIST} later answers on average, else column by column from lists split by score
     * ({@link #addColumns}).
     */
    private long runPacked(int[] users, int[] positions, long[] xs, int from, int to, int first, int remaining,
            UserAnswers answers) {
        int count = to - from;
        int groups = scoreValues.length;
        int answersAfter = 0;
        for (int i = from; i < to; i++) {
            answersAfter += answers.end[users[i]] - positions[i];
        }
        // Adding pair by pair beat splitting the lists by score first on every shape measured (60,000 users, 40–200
        // questions, lists of up to ~40 answers): short per-column loops cost more in set-up and mispredicted exits
        // than they save. Longer lists keep the split, where each column's loop runs long.
        boolean pairByPair = answersAfter <= (long) SHORT_LIST * count;
        if (cursor.length < count) {
            cursor = new int[count];
        }
        System.arraycopy(positions, from, cursor, 0, count);
        if (!pairByPair) {
            splitByScore(count, groups, users, positions, from, first, answersAfter, answers);
        }
        int[] questions = answers.questions;
        int[] ends = answers.end;
        long undefined = 0;
        for (int blockStart = 1; blockStart < remaining; ) {
            int blockEnd = blockStart + 1;
            while (blockEnd < remaining && pairIndex(0, blockEnd + 1) - pairIndex(0, blockStart) <= BLOCK_ENTRIES) {
                blockEnd++;
            }
            int limit = first + blockEnd;
            for (int i = 0; i < count; i++) {
                int p = cursor[i];
                int end = ends[users[from + i]];
                if (p == end || questions[p] >= limit) {
                    continue;
                }
                int x0 = (int) xs[from + i];
                int y = (int) answers.grandTotals[users[from + i]];
                cursor[i] = pairByPair
                        ? addPairs(positions[from + i], p, end, limit, first, x0, y, answers)
                        : addColumns(i * groups, p, end, limit, first, x0, y, answers);
            }
            undefined += finishPacked(first, blockStart, blockEnd);
            blockStart = blockEnd;
        }
        return undefined;
    }

    /**
     * One user's pairs (d, e) for each e from position {@code p} on below question {@code limit}: every earlier
     * answer of theirs (from {@code own}) is a d, and each pair gets its packed contribution computed and added.
     * Returns the position of the first e left for the next block.
     */
    private int addPairs(int own, int p, int end, int limit, int first, long x0, long y, UserAnswers answers) {
        int[] questions = answers.questions;
        int[] scores = answers.scores;
        long[] table = packed;
        long lowY = 1 + (y << 48);
        long highY = y * y << 32;
        do {
            int column = 2 * pairIndex(0, questions[p] - first) - 2 * first;
            long xe = x0 + scores[p];
            for (int q = own; q < p; q++) {
                long x = xe + scores[q];
                int at = column + 2 * questions[q];
                table[at] += lowY + (x << 16) + (x * x << 32);
                table[at + 1] += x * y + highY;
            }
            p++;
        } while (p < end && questions[p] < limit);
        return p;
    }

    /**
     * As {@link #addPairs}, from the user's lists split by score ({@link #splitByScore}; theirs start at
     * {@code below}): for each e, every d of one score value adds the same contribution, one column call per value.
     */
    private int addColumns(int below, int p, int end, int limit, int first, int x0, int y, UserAnswers answers) {
        int[] questions = answers.questions;
        int[] scores = answers.scores;
        int groups = scoreValues.length;
        do {
            int scoreE = scores[p];
            int column = 2 * pairIndex(0, questions[p] - first);
            for (int g = 0; g < groups; g++) {
                int n = passed[below + g];
                if (n == 0) {
                    continue;
                }
                int firstD = groupFirst(groupStart, below + g, g, groups, n);
                addColumn(packed, column, offsets, firstD, firstD + n, x0 + scoreValues[g] + scoreE, y);
            }
            passed[below + groupOf(scoreE)]++;
            p++;
        } while (p < end && questions[p] < limit);
        return p;
    }

    /**
     * The hot loop: one user's packed contribution for x (and y) added to the entries of column {@code column} at
     * d offsets {@code offsets[from..to-1]}. Two plain 64-bit adds per entry: the fields never carry into each
     * other ({@link #packedFits}), so no vector is needed, and plain code runs at full speed from the first call
     * (vector code is slow until C2 has compiled it, which a small search never waits out).
     */
    private static void addColumn(long[] table, int column, int[] offsets, int from, int to, int x, int y) {
        long low = 1 + ((long) x << 16) + ((long) x * x << 32) + ((long) y << 48);
        long high = (long) x * y + ((long) y * y << 32);
        for (int j = from; j < to; j++) {
            int at = column + offsets[j];
            table[at] += low;
            table[at + 1] += high;
        }
    }

    /** Index of pair (d, e), d &lt; e, in the column-major triangle. */
    private static int pairIndex(int d, int e) {
        return e * (e - 1) / 2 + d;
    }

    private int groupOf(int score) {
        int g = 0;
        while (scoreValues[g] != score) {
            g++;
        }
        return g;
    }

    /**
     * Per user of the node: their remaining questions ({@code total} in all) split by score value, as offsets of d
     * in the table.
     */
    private void splitByScore(int count, int groups, int[] users, int[] positions, int from, int first, int total,
            UserAnswers answers) {
        if (passed.length < count * groups) {
            passed = new int[count * groups];
            groupStart = new int[count * groups];
        }
        // One spare slot: the fill loop below writes before it decides whether to keep what it wrote.
        if (offsets.length < total + 1) {
            offsets = new int[total + 1];
        }
        int[] questions = answers.questions;
        int[] scores = answers.scores;
        int fill = 0;
        for (int i = 0; i < count; i++) {
            int user = users[from + i];
            int p = positions[from + i];
            int end = answers.end[user];
            if (groups == 2) {
                // One pass: the low score's d's fill the user's stretch from its start, the high score's from its
                // end backwards, so each list's first n d's are still one contiguous range (see groupFirst).
                int low = fill;
                int high = fill + (end - p) - 1;
                int lowValue = scoreValues[0];
                for (int q = p; q < end; q++) {
                    int isLow = scores[q] == lowValue ? 1 : 0;
                    offsets[isLow * low + (1 - isLow) * high] = 2 * (questions[q] - first);
                    low += isLow;
                    high -= 1 - isLow;
                }
                groupStart[i * 2] = fill;
                groupStart[i * 2 + 1] = fill + (end - p);
                passed[i * 2] = 0;
                passed[i * 2 + 1] = 0;
                fill += end - p;
                continue;
            }
            for (int g = 0; g < groups; g++) {
                groupStart[i * groups + g] = fill;
                passed[i * groups + g] = 0;
                int value = scoreValues[g];
                // Written always, kept only if the score matches: no branch on a score (a coin flip on 0/1 data).
                for (int q = p; q < end; q++) {
                    offsets[fill] = 2 * (questions[q] - first);
                    fill += scores[q] == value ? 1 : 0;
                }
            }
        }
    }

    /**
     * Where the first {@code n} d's of user i's list for score group g start in {@link #offsets}: with two groups
     * the second list runs backwards from {@code groupStart}, else every list runs forwards from it.
     */
    private static int groupFirst(int[] groupStart, int at, int g, int groups, int n) {
        return groups == 2 && g == 1 ? groupStart[at] - n : groupStart[at];
    }

    /** Judges and clears the entries of e-columns {@code fromColumn..toColumn-1}. */
    private long finishPacked(int first, int fromColumn, int toColumn) {
        long[] table = packed;
        int minUsers = walker.minUsers();
        long undefined = 0;
        int at = 2 * pairIndex(0, fromColumn);
        for (int e = fromColumn; e < toColumn; e++) {
            for (int d = 0; d < e; d++, at += 2) {
                long low = table[at];
                long high = table[at + 1];
                table[at] = 0;
                table[at + 1] = 0;
                long n = low & 0xFFFF;
                long sa = (low >>> 16) & 0xFFFF;
                long saa = (low >>> 32) & 0xFFFF;
                long sb = low >>> 48;
                long sab = high & 0xFFFF_FFFFL;
                long sbb = high >>> 32;
                undefined += judge(first + d, first + e, n, sa, sb, sab, saa, sbb, minUsers);
            }
        }
        return undefined;
    }

    private void addWide(int user, int position, long x0, int first, UserAnswers answers) {
        int end = answers.end[user];
        long y = answers.grandTotals[user];
        int[] questions = answers.questions;
        int[] scores = answers.scores;
        long[] table = wide;
        for (int i = position + 1; i < end; i++) {
            int e = questions[i] - first;
            long xe = x0 + scores[i];
            int column = e * (e - 1) / 2;
            for (int j = position; j < i; j++) {
                int at = 6 * (column + questions[j] - first);
                long x = xe + scores[j];
                table[at] += 1;
                table[at + 1] += x;
                table[at + 2] += y;
                table[at + 3] += x * y;
                table[at + 4] += x * x;
                table[at + 5] += y * y;
            }
        }
    }

    private long finishWide(int first, int remaining) {
        long[] table = wide;
        int minUsers = walker.minUsers();
        long undefined = 0;
        int at = 0;
        for (int e = 1; e < remaining; e++) {
            for (int d = 0; d < e; d++, at += 6) {
                undefined += judge(first + d, first + e, table[at], table[at + 1], table[at + 2], table[at + 3],
                        table[at + 4], table[at + 5], minUsers);
                for (int f = 0; f < 6; f++) {
                    table[at + f] = 0;
                }
            }
        }
        return undefined;
    }

    /** 1 if the set is undefined, else 0 (after offering it if it may enter the top list). */
    private int judge(int d, int e, long n, long sa, long sb, long sab, long saa, long sbb, int minUsers) {
        long da = Correlation.spread(n, sa, saa);
        long db = Correlation.spread(n, sb, sbb);
        if (!Correlation.defined(n, da, db)) {
            return 1;
        }
        if (n >= minUsers) {
            if (walker.mayEnter(Correlation.numerator(n, sa, sb, sab), da, db)) {
                walker.candidate(d, e, n, sa, sb, sab, saa, sbb);
            }
        }
        return 0;
    }
}
