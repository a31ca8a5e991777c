package fasterjava.corrset.steps;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.Correlation;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Step;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Step 12 — all cores: the combinations are cut into batches of 1,024 ({@code BATCH}), spread over a
 * work-stealing {@link ForkJoinPool}, each batch running step 11's kernel on its own slice of the result.
 *
 * <p>What changed from step 11: {@code compute} splits the range of batches in halves, recursively, until one
 * batch is left; idle threads steal the other halves. A batch finds its first combination by rank (no batch
 * depends on another), then steps through the next ones in lexicographic order as before, writing r and n at the
 * combinations' own positions — so the output is identical whatever the number of threads or the order batches
 * run in. The kernel's scratch (the K rows and the lane buffer) moved from fields into each batch.
 *
 * <p>Why it is faster: the combinations are independent, the bitsets and score rows are only read, and each
 * batch writes its own slice of the output, so threads share nothing that is written and need no locks. Batching
 * is what the Rust article found decisive (4.22 s → 982 ms for 5M combinations): one task per combination costs
 * about as much in scheduling as the microsecond or two of work it holds, while a thousand combinations per task
 * make the overhead negligible and still leave hundreds of tasks to balance the load.
 *
 * <p>What it costs: at most {@code threads} times faster, less when the threads compete for shared caches and
 * memory bandwidth (the score matrix is read by all of them). The pool is created per {@code compute} and closed
 * before it returns (starting a thread is tens of microseconds, negligible next to a timed run), so no thread
 * outlives the call and an idle step holds no threads.
 */
public final class Step12Threads implements Step<CorrsetInput, CorrsetResult> {
    /** Combinations per task: the Rust article's batch size. */
    static final int BATCH = 1024;
    /** Worker threads are named with this prefix, so a leak is easy to spot in a thread dump. */
    static final String THREAD_NAME_PREFIX = "corrset-step12-";
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;

    private final int threads;
    private long[][] answered;
    private int[][] scoreMatrix;
    private long[] grandTotals;
    private int k;
    private int questionCount;
    private int words;
    /** {@code binomial[n][r]} = C(n, r) for n ≤ Q, r ≤ K, saturated at {@link Long#MAX_VALUE}. */
    private long[][] binomial;

    /** Uses every available processor. */
    public Step12Threads() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public Step12Threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

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
        binomial = binomials(questionCount, k);
    }

    @Override
    public CorrsetResult compute(int items) {
        CorrsetResult result = CorrsetResult.ofSize(items);
        int batches = (int) ((items + (long) BATCH - 1) / BATCH);
        try (ForkJoinPool pool = new ForkJoinPool(threads, Step12Threads::newWorker, null, false)) {
            pool.invoke(new Batches(0, batches, items, result));
        }
        return result;
    }

    private static ForkJoinWorkerThread newWorker(ForkJoinPool pool) {
        ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        worker.setName(THREAD_NAME_PREFIX + worker.getName());
        return worker;
    }

    /** Batches {@code from..to-1}: halved until one is left, so idle workers can steal the other halves. */
    private final class Batches extends RecursiveAction {
        private final int from;
        private final int to;
        private final int items;
        private final CorrsetResult result;

        Batches(int from, int to, int items, CorrsetResult result) {
            this.from = from;
            this.to = to;
            this.items = items;
            this.result = result;
        }

        @Override
        protected void compute() {
            if (to - from <= 1) {
                for (int batch = from; batch < to; batch++) {
                    runBatch(batch, items, result);
                }
                return;
            }
            int middle = (from + to) >>> 1;
            invokeAll(new Batches(from, middle, items, result), new Batches(middle, to, items, result));
        }
    }

    private void runBatch(int batch, int items, CorrsetResult result) {
        int start = batch * BATCH;
        int end = Math.min(items, start + BATCH);
        long[][] sets = new long[k][];
        int[][] scoreRows = new int[k][];
        long[] lanes = new long[SPECIES.length()];
        int[] combination = unrank(start);
        for (int item = start; item < end; item++) {
            correlate(combination, sets, scoreRows, lanes, result, item);
            Combinations.next(combination, questionCount);
        }
    }

    private void correlate(int[] questions, long[][] sets, int[][] scoreRows, long[] lanes, CorrsetResult result,
            int item) {
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
                    lanes[i] = w + i < words ? scalarAnd(sets, w + i) : 0;
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
    private long scalarAnd(long[][] sets, int w) {
        long word = sets[0][w];
        for (int j = 1; j < k && word != 0; j++) {
            word &= sets[j][w];
        }
        return word;
    }

    /**
     * The combination of rank {@code rank}, as {@link Combinations#unrank} computes it but from the table of
     * binomials: its exact {@code BigInteger} arithmetic would cost a noticeable share of a batch.
     */
    private int[] unrank(long rank) {
        int[] combination = new int[k];
        long remaining = rank;
        int candidate = 0;
        for (int i = 0; i < k; i++) {
            // Combinations starting with this candidate at position i: C(Q - candidate - 1, K - i - 1).
            while (remaining >= binomial[questionCount - candidate - 1][k - i - 1]) {
                remaining -= binomial[questionCount - candidate - 1][k - i - 1];
                candidate++;
            }
            combination[i] = candidate++;
        }
        return combination;
    }

    /** Pascal's triangle up to C(n, r); saturation is harmless because ranks stay below 2^31. */
    private static long[][] binomials(int n, int r) {
        long[][] table = new long[n + 1][r + 1];
        for (int row = 0; row <= n; row++) {
            table[row][0] = 1;
            for (int col = 1; col <= Math.min(row, r); col++) {
                long sum = table[row - 1][col - 1] + table[row - 1][col];
                // Two non-negative longs that overflow wrap to a negative: that is the saturation test.
                table[row][col] = sum < 0 ? Long.MAX_VALUE : sum;
            }
        }
        return table;
    }
}
