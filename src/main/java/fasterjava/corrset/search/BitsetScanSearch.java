package fasterjava.corrset.search;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.Correlation;
import fasterjava.corrset.data.Scores;
import fasterjava.util.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference engine: simple enough to be checked by eye, used by the tests as the second opinion on every fast
 * engine and as the fallback when one cannot run.
 *
 * <p>Every K-subset in lexicographic order: AND the K questions' user bitsets, walk the set bits, add the six
 * integer sums from a dense score table. Threads take first questions ({@code a = 0, 1, ...}) from a shared
 * counter, each keeps its own {@link TopSets}, and the lists are merged at the end, so the answer does not depend on
 * the thread count. Cost: about {@code K × users / 64} word operations per set, whatever the data.
 */
public final class BitsetScanSearch implements Search {
    @Override
    public String name() {
        return "bitset-scan";
    }

    @Override
    public SearchResult run(SearchRequest request, Progress progress) {
        long began = System.nanoTime();
        Scores scores = request.scores();
        int questions = scores.questionCount();
        int k = request.k();
        int words = (scores.userCount() + 63) >>> 6;
        long[][] answered = new long[questions][words];
        int[][] scoreOf = new int[questions][scores.userCount()];
        for (int q = 0; q < questions; q++) {
            int[] users = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            for (int i = 0; i < users.length; i++) {
                answered[q][users[i] >>> 6] |= 1L << users[i];
                scoreOf[q][users[i]] = values[i];
            }
        }
        long total = Combinations.countExact(questions, k);
        progress.start("search " + name(), total);
        AtomicInteger nextFirst = new AtomicInteger();
        List<Scan> scans = new ArrayList<>();
        for (int t = 0; t < request.threads(); t++) {
            scans.add(new Scan(request, answered, scoreOf, nextFirst, progress));
        }
        Parallel.runAll(scans);
        progress.finish();
        TopSets best = new TopSets(request.top());
        long combinations = 0;
        long undefined = 0;
        for (Scan scan : scans) {
            best.addAll(scan.best);
            combinations += scan.combinations;
            undefined += scan.undefined;
        }
        return new SearchResult(best.best(), combinations, undefined, (System.nanoTime() - began) / 1e9, name());
    }

    private static final class Scan implements Runnable {
        private final SearchRequest request;
        private final long[][] answered;
        private final int[][] scoreOf;
        private final long[] grandTotals;
        private final AtomicInteger nextFirst;
        private final Progress progress;
        private final TopSets best;
        private long combinations;
        private long undefined;

        Scan(SearchRequest request, long[][] answered, int[][] scoreOf, AtomicInteger nextFirst, Progress progress) {
            this.request = request;
            this.answered = answered;
            this.scoreOf = scoreOf;
            this.grandTotals = request.scores().grandTotals();
            this.nextFirst = nextFirst;
            this.progress = progress;
            this.best = new TopSets(request.top());
        }

        @Override
        public void run() {
            int questions = answered.length;
            int k = request.k();
            long[] common = new long[answered[0].length];
            for (int first = nextFirst.getAndIncrement(); first <= questions - k; first = nextFirst.getAndIncrement()) {
                int[] set = Combinations.first(k);
                for (int j = 0; j < k; j++) {
                    set[j] += first;
                }
                long sets = 0;
                do {
                    score(set, common);
                    sets++;
                } while (Combinations.next(set, questions) && set[0] == first);
                combinations += sets;
                progress.advance(sets);
            }
        }

        private void score(int[] set, long[] common) {
            System.arraycopy(answered[set[0]], 0, common, 0, common.length);
            for (int j = 1; j < set.length; j++) {
                long[] other = answered[set[j]];
                for (int w = 0; w < common.length; w++) {
                    common[w] &= other[w];
                }
            }
            long n = 0, sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
            for (int w = 0; w < common.length; w++) {
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
            long da = Correlation.spread(n, sa, saa);
            long db = Correlation.spread(n, sb, sbb);
            if (!Correlation.defined(n, da, db)) {
                undefined++;
            } else if (n >= request.minUsers()) {
                ScoredSet candidate = ScoredSet.of(set, n, sa, sb, sab, saa, sbb);
                best.offer(candidate);
            }
        }
    }
}
