package fasterjava.corrset.search;

import fasterjava.corrset.Correlation;
import fasterjava.corrset.data.Scores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One thread's half of {@link PrefixTreeSearch}: walks the prefix tree under one work unit at a time and runs the
 * pair table at depth K−2. Owns all its buffers, so threads share nothing but read-only data and the ledger.
 *
 * <p>A node at depth t is a slice of that level's buffers: per user still in the race, the user, the position in
 * their answer list just after the node's last question, and x so far (their score on the node's questions).
 */
final class PrefixWalker {
    /**
     * Sets whose double r is this far below the worst kept one are certainly worse: it matches the margin inside
     * which {@link Correlation#compare} falls back to exact arithmetic, so nothing that could win is skipped.
     */
    private static final double ADMIT_MARGIN = 1e-9;

    /** What one unit produced. {@code examinedNothing}: the unit was provably irrelevant before it started. */
    record Outcome(List<ScoredSet> admitted, long combinations, long undefined, boolean stoppedEarly,
            boolean examinedNothing) {
    }

    private final int k;
    private final int questions;
    private final int minUsers;
    private final boolean stopAtPerfect;
    private final Scores scores;
    private final UserAnswers answers;
    /** The current unit's users, compacted (see {@link UserAnswers#compactFrom}); what the tree walks. */
    private final UserAnswers unitAnswers = UserAnswers.reusable();
    private final TopSets best;
    private final long[][] binomial;
    private final PairTable table;
    /** The last-level kernel for 0/1 data; null when the data need the general pair table. */
    private final DenseLastLevel dense;
    /** Whether the current unit's lists are read in place in the full data ({@link UserAnswers#shareFrom}). */
    private boolean listsShared;
    /** Level buffers: the entries of the current node at each depth. */
    private final int[][] levelUsers;
    private final int[][] levelPositions;
    private final long[][] levelX;
    private final int[][] levelCount;
    private final int[][] levelOffset;
    /** The questions of the current node, in order; a candidate set is these plus its last two. */
    private final int[] prefix;
    /**
     * Units of two questions (a, b) come in order, a run of them per a: the node of a is bucketed by b once, into
     * these, and each unit takes its slice (b in {@link #pairsFrom}..{@link #pairsTo} of a = {@link #pairsOf}).
     * That replaces, per unit, intersecting two answer lists and finding every user's position by binary search.
     */
    private final long pairEntries;
    private int pairsOf = -1;
    private int pairsFrom;
    private int pairsTo;
    private int[] pairUsers = new int[0];
    private int[] pairPositions = new int[0];
    private long[] pairX = new long[0];
    private final int[] pairCount;
    private final int[] pairOffset;

    private List<ScoredSet> admitted;
    private long combinations;
    private long undefined;
    private boolean stopped;
    /** Candidates with r below this are not even built (see {@link #ADMIT_MARGIN}). */
    double admitFrom;
    /** {@link #admitFrom} squared when it is above zero, else 0: see {@link #mayEnter}. */
    private double admitSquared;
    /** The worst kept set's indices when the top list is full of r = 1 exactly (and early stop is on), else null. */
    private int[] perfectWorst;

    PrefixWalker(SearchRequest request, UserAnswers answers, TopSets seed, PrefixTreeSearch engine) {
        this.k = request.k();
        this.scores = request.scores();
        this.questions = scores.questionCount();
        this.minUsers = request.minUsers();
        this.stopAtPerfect = engine.stopAtPerfect();
        this.answers = answers;
        this.best = seed;
        this.binomial = binomials(questions, k);
        this.table = new PairTable(this, answers);
        this.dense = engine.dense(request) && k >= 2 && DenseLastLevel.suits(answers, k)
                ? new DenseLastLevel(this, answers, questions, k, engine.compressGather()) : null;
        this.levelUsers = new int[k + 1][0];
        this.levelPositions = new int[k + 1][0];
        this.levelX = new long[k + 1][0];
        this.levelCount = new int[k + 1][questions];
        this.levelOffset = new int[k + 1][questions];
        this.prefix = new int[k];
        this.pairEntries = engine.pairEntries();
        this.pairCount = new int[questions];
        this.pairOffset = new int[questions];
        thresholdChanged();
    }

    int minUsers() {
        return minUsers;
    }

    Outcome walkUnit(int[] unitPrefix) {
        admitted = new ArrayList<>();
        combinations = 0;
        undefined = 0;
        stopped = false;
        int depth = unitPrefix.length;
        System.arraycopy(unitPrefix, 0, prefix, 0, depth);
        if (blockedByPerfect(depth)) {
            return new Outcome(List.of(), 0, 0, true, true);
        }
        int count = unitEntries(unitPrefix);
        if (k == 1) {
            scoreSingle(count);
        } else {
            listsShared = dense != null && depth >= k - 3;
            if (listsShared) {
                // The dense kernel reads bitmaps, not lists: the unit's lists are read at most once, by the
                // bucketing below, so a compact copy would cost more than it saves.
                unitAnswers.shareFrom(answers, levelUsers[depth], levelPositions[depth], count);
            } else {
                unitAnswers.compactFrom(answers, levelUsers[depth], levelPositions[depth], count);
            }
            if (dense != null) {
                dense.startUnit(unitAnswers, count);
            }
            for (int i = 0; i < count; i++) {
                levelUsers[depth][i] = i;
                levelPositions[depth][i] = unitAnswers.start[i];
            }
            descend(depth, 0, count, depth == 0 ? -1 : unitPrefix[depth - 1]);
        }
        return new Outcome(admitted, combinations, undefined, stopped, false);
    }

    /**
     * Fills level {@code depth} with the users who answered every question of the unit's prefix (at most
     * {@link PrefixTreeSearch}'s two), their answer positions just after it and their x.
     */
    private int unitEntries(int[] unitPrefix) {
        int depth = unitPrefix.length;
        if (depth == 0) {
            int users = scores.userCount();
            ensureCapacity(0, users);
            for (int u = 0; u < users; u++) {
                levelUsers[0][u] = u;
                levelPositions[0][u] = answers.start[u];
                levelX[0][u] = 0;
            }
            return users;
        }
        if (depth == 1) {
            int[] first = scores.answeredBy(unitPrefix[0]);
            int[] firstScores = scores.answerScores(unitPrefix[0]);
            ensureCapacity(1, first.length);
            for (int i = 0; i < first.length; i++) {
                levelUsers[1][i] = first[i];
                levelPositions[1][i] = answers.positionOf(first[i], unitPrefix[0]) + 1;
                levelX[1][i] = firstScores[i];
            }
            return first.length;
        }
        int b = unitPrefix[1];
        bucketPairs(unitPrefix[0], b);
        int count = pairCount[b];
        ensureCapacity(2, count);
        System.arraycopy(pairUsers, pairOffset[b], levelUsers[2], 0, count);
        System.arraycopy(pairPositions, pairOffset[b], levelPositions[2], 0, count);
        System.arraycopy(pairX, pairOffset[b], levelX[2], 0, count);
        return count;
    }

    /**
     * Makes the buckets of question {@code a}'s users hold b: each user of a goes into the bucket of every later
     * question they answered (as {@link #descend} does a node), from b on and for as many questions as fit in
     * {@link #pairEntries} entries (at least b itself).
     */
    private void bucketPairs(int a, int b) {
        if (pairsOf == a && pairsFrom <= b && b <= pairsTo) {
            return;
        }
        int[] who = scores.answeredBy(a);
        int[] what = scores.answerScores(a);
        int last = b;
        long room = 0;
        for (int q = b, highest = questions - k + 1; q <= highest; q++) {
            int size = Math.min(who.length, scores.answeredBy(q).length);
            if (q > b && room + size > pairEntries) {
                break;
            }
            pairOffset[q] = (int) room;
            pairCount[q] = 0;
            room += size;
            last = q;
        }
        if (pairUsers.length < room) {
            pairUsers = new int[(int) room];
            pairPositions = new int[(int) room];
            pairX = new long[(int) room];
        }
        int[] answered = answers.questions;
        int[] answerScores = answers.scores;
        for (int i = 0; i < who.length; i++) {
            int user = who[i];
            long x = what[i];
            for (int p = answers.positionOf(user, a) + 1, end = answers.end[user]; p < end; p++) {
                int q = answered[p];
                if (q > last) {
                    break;
                }
                if (q >= b) {
                    int slot = pairOffset[q] + pairCount[q]++;
                    pairUsers[slot] = user;
                    pairPositions[slot] = p + 1;
                    pairX[slot] = x + answerScores[p];
                }
            }
        }
        pairsOf = a;
        pairsFrom = b;
        pairsTo = last;
    }

    /**
     * The node at {@code depth} is level {@code depth}'s entries {@code from..to-1}; its last question is
     * {@code last}.
     */
    private void descend(int depth, int from, int to, int last) {
        if (depth == k - 2) {
            pairNode(depth, from, to, last);
            return;
        }
        if (listsShared && depth == k - 3) {
            // The lists lie scattered over the full data: the unit's bitmaps, copied side by side, are cheaper.
            dense.runParent(levelUsers[depth], levelX[depth], from, to, last, unitAnswers);
            return;
        }
        int highest = questions - k + depth;
        int child = depth + 1;
        int[] count = levelCount[child];
        int[] offset = levelOffset[child];
        int entries = to - from;
        int room = 0;
        for (int q = last + 1; q <= highest; q++) {
            offset[q] = room;
            count[q] = 0;
            room += Math.min(entries, scores.answeredBy(q).length);
        }
        ensureCapacity(child, room);
        int[] users = levelUsers[depth];
        int[] positions = levelPositions[depth];
        long[] xs = levelX[depth];
        int[] childUsers = levelUsers[child];
        int[] childPositions = levelPositions[child];
        long[] childX = levelX[child];
        int[] ends = unitAnswers.end;
        int[] answered = unitAnswers.questions;
        int[] answerScores = unitAnswers.scores;
        for (int i = from; i < to; i++) {
            int user = users[i];
            long x = xs[i];
            for (int p = positions[i], end = ends[user]; p < end; p++) {
                int q = answered[p];
                if (q > highest) {
                    break;
                }
                int slot = offset[q] + count[q]++;
                childUsers[slot] = user;
                childPositions[slot] = p + 1;
                childX[slot] = x + answerScores[p];
            }
        }
        for (int q = last + 1; q <= highest && !stopped; q++) {
            if (count[q] <= 1) {
                long under = binomial[questions - 1 - q][k - child];
                combinations += under;
                undefined += under;
                continue;
            }
            prefix[depth] = q;
            descend(child, offset[q], offset[q] + count[q], q);
        }
    }

    private void pairNode(int depth, int from, int to, int last) {
        if (blockedByPerfect(depth)) {
            stopped = true;
            return;
        }
        if (dense != null && to - from > 1) {
            dense.runNode(levelUsers[depth], levelX[depth], from, to, last, unitAnswers);
            return;
        }
        int first = last + 1;
        int remaining = questions - first;
        long pairs = (long) remaining * (remaining - 1) / 2;
        combinations += pairs;
        if (to - from <= 1) {
            undefined += pairs;
            return;
        }
        undefined += table.run(levelUsers[depth], levelPositions[depth], levelX[depth], from, to, first, remaining,
                unitAnswers);
    }

    /**
     * Enters the node of K−2 questions that ends in {@code c} (found by the dense kernel): false if early stop
     * rules it out.
     */
    boolean enterNode(int c) {
        prefix[k - 3] = c;
        if (blockedByPerfect(k - 2)) {
            stopped = true;
            return false;
        }
        return true;
    }

    /** Counts the sets under the node of K−2 questions that ends in {@code c} as undefined: it has one user at most. */
    void skipNode(int c) {
        long under = binomial[questions - 1 - c][2];
        combinations += under;
        undefined += under;
    }

    /**
     * Enters the node of K−1 questions that ends in {@code d} (the dense kernel's leaves): false if early stop
     * rules it out, else its sets count as examined.
     */
    boolean enterLeaf(int d) {
        prefix[k - 2] = d;
        if (blockedByPerfect(k - 1)) {
            stopped = true;
            return false;
        }
        combinations += questions - 1 - d;
        return true;
    }

    void countUndefined(long sets) {
        undefined += sets;
    }

    boolean stopped() {
        return stopped;
    }

    /** K = 1: the unit's one question is the whole set. */
    private void scoreSingle(int count) {
        combinations++;
        long n = count, sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < count; i++) {
            long x = levelX[1][i];
            long y = answers.grandTotals[levelUsers[1][i]];
            sa += x;
            sb += y;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        long da = Correlation.spread(n, sa, saa);
        long db = Correlation.spread(n, sb, sbb);
        if (!Correlation.defined(n, da, db)) {
            undefined++;
        } else if (n >= minUsers) {
            offer(prefix.clone(), n, sa, sb, sab, saa, sbb);
        }
    }

    /**
     * A set from the pair table whose r passed {@link #admitFrom}: {@code d} and {@code e} are its last two
     * questions. Builds it exactly and offers it to this thread's top list.
     */
    void candidate(int d, int e, long n, long sa, long sb, long sab, long saa, long sbb) {
        int[] set = Arrays.copyOf(prefix, k);
        set[k - 2] = d;
        set[k - 1] = e;
        offer(set, n, sa, sb, sab, saa, sbb);
    }

    private void offer(int[] set, long n, long sa, long sb, long sab, long saa, long sbb) {
        ScoredSet scored = ScoredSet.of(set, n, sa, sb, sab, saa, sbb);
        if (best.admits(scored)) {
            best.offer(scored);
            admitted.add(scored);
            thresholdChanged();
        }
    }

    private void thresholdChanged() {
        ScoredSet worst = best.threshold();
        admitFrom = worst == null ? Double.NEGATIVE_INFINITY : worst.r() - ADMIT_MARGIN;
        admitSquared = admitFrom > 0 ? admitFrom * admitFrom : 0;
        perfectWorst = stopAtPerfect && worst != null && isPerfect(worst) ? worst.indices() : null;
    }

    /**
     * False if a defined set with these sums certainly has r below {@link #admitFrom}. Above zero the test is
     * num &gt; 0 and num² ≥ t²·da·db in doubles: no square root or division per set, and the rounding (~1e-16
     * relative) is far inside {@link #ADMIT_MARGIN}, so a set that could enter is never dropped; whatever passes is
     * ranked by the exact rule.
     */
    boolean mayEnter(long num, long da, long db) {
        if (admitFrom > 0) {
            return num > 0 && (double) num * num >= admitSquared * ((double) da * db);
        }
        return num / Math.sqrt((double) da * db) >= admitFrom;
    }

    /** r = 1 exactly: num² = da·db, compared in 128 bits. */
    private static boolean isPerfect(ScoredSet set) {
        long num = set.num();
        return num > 0 && num * num == set.da() * set.db()
                && Math.multiplyHigh(num, num) == Math.multiplyHigh(set.da(), set.db());
    }

    /**
     * True if every set under the current node ({@code prefix[0..depth-1]}) comes lexicographically after a kept
     * perfect set while the top list is full of them: none can enter.
     */
    private boolean blockedByPerfect(int depth) {
        return perfectWorst != null && Arrays.compare(perfectWorst, 0, depth, prefix, 0, depth) < 0;
    }

    private void ensureCapacity(int level, int needed) {
        if (levelUsers[level].length < needed) {
            int size = Math.max(needed, levelUsers[level].length + (levelUsers[level].length >> 1));
            levelUsers[level] = new int[size];
            levelPositions[level] = new int[size];
            levelX[level] = new long[size];
        }
    }

    private static long[][] binomials(int n, int k) {
        long[][] c = new long[n + 1][k + 1];
        for (int i = 0; i <= n; i++) {
            c[i][0] = 1;
            for (int j = 1; j <= Math.min(i, k); j++) {
                c[i][j] = c[i - 1][j - 1] + (j <= i - 1 ? c[i - 1][j] : 0);
            }
        }
        return c;
    }
}
