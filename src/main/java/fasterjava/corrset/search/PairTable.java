package fasterjava.corrset.search;

import fasterjava.corrset.Correlation;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The last two levels of the prefix tree, turned around: for a node of K−2 questions, one table entry per pair
 * (d, e) of later questions, filled user by user and then read once.
 *
 * <p><b>Layout.</b> Questions after the node are renumbered {@code 0..remaining-1}; pair (d, e) with d &lt; e sits at
 * entry {@code e(e−1)/2 + d}: all pairs of one e are adjacent ("column-major"), so a user's inner loop over d for a
 * fixed e stays inside one short stretch of the table.
 *
 * <p><b>Packed sums.</b> An entry holds the six sums of its set in four 32-bit lanes, so one user's contribution to
 * one set is a single 128-bit vector add: lane 0 = n + Sa·2¹⁶, lane 1 = Saa + Sb·2¹⁶, lane 2 = Sab, lane 3 = Sbb
 * (lanes read as unsigned). That is exact only while no field outgrows its bits, which depends on the node's user
 * count and the largest x and y in it; {@link #packedFits} checks this per node, and nodes that fail use the wide
 * table (six longs per entry, one scalar add each) instead — slower, never wrong.
 */
final class PairTable {
    private static final VectorSpecies<Integer> FOUR_LANES = IntVector.SPECIES_128;
    private static final long FIELD16 = 1L << 16;
    private static final long FIELD32 = 1L << 32;

    private final PrefixWalker walker;
    /** Packed entries, four ints each; all zero between nodes (reading an entry clears it). */
    private int[] packed = new int[0];
    /** Wide entries, six longs each; all zero between nodes. */
    private long[] wide = new long[0];
    /** Per user: their remaining questions renumbered, as int offsets of the pair (0, e) column and of d. */
    private int[] columnOf = new int[0];
    private int[] rowOf = new int[0];
    /** Per user: one row of addends per distinct score of e, {@code addends[slot][4 * j ...]} for the j-th d. */
    private int[][] addends = new int[0][];
    private int[] addendScore = new int[0];

    PairTable(PrefixWalker walker) {
        this.walker = walker;
    }

    /**
     * Adds every user of the node ({@code users[from..to-1]} with their answer positions and x so far) into the
     * table of the {@code remaining} questions from {@code first} on, then judges every pair. Returns the number
     * of undefined sets; candidates go to {@link PrefixWalker#candidate}.
     */
    long run(int[] users, int[] positions, long[] xs, int from, int to, int first, int remaining,
            UserAnswers answers) {
        int pairs = Math.toIntExact((long) remaining * (remaining - 1) / 2);
        if (packedFits(users, xs, from, to, answers)) {
            if (packed.length < 4 * pairs) {
                packed = new int[4 * pairs];
            }
            for (int i = from; i < to; i++) {
                addPacked(users[i], positions[i], (int) xs[i], first, answers);
            }
            return finishPacked(first, remaining);
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

    private void prepareUser(int m) {
        if (columnOf.length < m) {
            columnOf = new int[m];
            rowOf = new int[m];
            addends = new int[m][];
            addendScore = new int[m];
        }
    }

    private void addPacked(int user, int position, int x0, int first, UserAnswers answers) {
        int end = answers.start[user + 1];
        int m = end - position;
        if (m < 2) {
            return;
        }
        prepareUser(m);
        int y = (int) answers.grandTotals[user];
        int[] questions = answers.questions;
        int[] scores = answers.scores;
        for (int j = 0; j < m; j++) {
            int e = questions[position + j] - first;
            columnOf[j] = 4 * (e * (e - 1) / 2);
            rowOf[j] = 4 * e;
        }
        int rows = 0;
        int[] table = packed;
        for (int i = 1; i < m; i++) {
            int scoreE = scores[position + i];
            int slot = 0;
            while (slot < rows && addendScore[slot] != scoreE) {
                slot++;
            }
            if (slot == rows) {
                fillAddends(slot, m, x0 + scoreE, y, scores, position);
                addendScore[slot] = scoreE;
                rows++;
            }
            int[] add = addends[slot];
            int column = columnOf[i];
            for (int j = 0; j < i; j++) {
                int at = column + rowOf[j];
                IntVector.fromArray(FOUR_LANES, table, at)
                        .add(IntVector.fromArray(FOUR_LANES, add, 4 * j))
                        .intoArray(table, at);
            }
        }
    }

    /** The packed contribution of this user to the set with d = their j-th question, for every j. */
    private void fillAddends(int slot, int m, int xWithoutD, int y, int[] scores, int position) {
        int[] row = addends[slot];
        if (row == null || row.length < 4 * m) {
            row = new int[4 * m];
            addends[slot] = row;
        }
        for (int j = 0; j < m; j++) {
            int x = xWithoutD + scores[position + j];
            row[4 * j] = 1 + (x << 16);
            row[4 * j + 1] = x * x + (y << 16);
            row[4 * j + 2] = x * y;
            row[4 * j + 3] = y * y;
        }
    }

    private long finishPacked(int first, int remaining) {
        int[] table = packed;
        int minUsers = walker.minUsers();
        long undefined = 0;
        int at = 0;
        for (int e = 1; e < remaining; e++) {
            for (int d = 0; d < e; d++, at += 4) {
                long lane0 = table[at] & 0xFFFF_FFFFL;
                long lane1 = table[at + 1] & 0xFFFF_FFFFL;
                long sab = table[at + 2] & 0xFFFF_FFFFL;
                long sbb = table[at + 3] & 0xFFFF_FFFFL;
                table[at] = 0;
                table[at + 1] = 0;
                table[at + 2] = 0;
                table[at + 3] = 0;
                long n = lane0 & 0xFFFF;
                long sa = lane0 >>> 16;
                long saa = lane1 & 0xFFFF;
                long sb = lane1 >>> 16;
                undefined += judge(first + d, first + e, n, sa, sb, sab, saa, sbb, minUsers);
            }
        }
        return undefined;
    }

    private void addWide(int user, int position, long x0, int first, UserAnswers answers) {
        int end = answers.start[user + 1];
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
            long num = Correlation.numerator(n, sa, sb, sab);
            if (Correlation.r(n, num, da, db) >= walker.admitFrom) {
                walker.candidate(d, e, n, sa, sb, sab, saa, sbb);
            }
        }
        return 0;
    }
}
