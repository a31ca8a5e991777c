package fasterjava.corrset.search;

import fasterjava.util.Progress;
import java.util.Locale;

/**
 * Times one exhaustive search of the fast engine with a chosen last-level kernel: the set-up (the data turned around
 * per user, once per search) apart from the search itself, and the first run apart from the fastest of the later
 * ones in the same JVM, so what a cold command pays for JIT warm-up shows as their difference.
 */
public final class SearchBench {
    private SearchBench() {
    }

    /**
     * One shape's figures.
     *
     * @param sets the sets examined (every K-subset: the search is exhaustive)
     * @param setupSeconds turning the data around per user, before any set is examined
     * @param firstSeconds the first search in this JVM (what a one-shot command pays)
     * @param bestSeconds the fastest search in this JVM (the first one when there was only one)
     * @param answer the best set and its r, so kernels can be seen to agree
     */
    public record Measurement(long sets, double setupSeconds, double firstSeconds, double bestSeconds,
            String answer) {
        /** Nanoseconds per set of the first run. */
        public double firstNanosPerSet() {
            return firstSeconds * 1e9 / sets;
        }

        /** Nanoseconds per set of the fastest run. */
        public double bestNanosPerSet() {
            return bestSeconds * 1e9 / sets;
        }
    }

    /** Searches {@code request} exhaustively {@code runs} times with {@code kernel} and times each part. */
    public static Measurement measure(SearchRequest request, PrefixTreeSearch.LastLevel kernel, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("the number of runs must be at least 1, got " + runs);
        }
        PrefixTreeSearch engine = new PrefixTreeSearch().exhaustive().withLastLevel(kernel);
        long began = System.nanoTime();
        UnitSearch units = engine.units(request);
        double setup = (System.nanoTime() - began) / 1e9;
        SearchResult first = null;
        double firstSeconds = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            SearchResult result = units.run(0, units.unitCount(), Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (first == null) {
                first = result;
                firstSeconds = seconds;
            }
            best = Math.min(best, seconds);
        }
        return new Measurement(first.combinations(), setup, firstSeconds, best, describe(first));
    }

    private static String describe(SearchResult result) {
        if (result.best().isEmpty()) {
            return "none";
        }
        ScoredSet top = result.best().get(0);
        return String.format(Locale.ROOT, "%s r=%.6f", java.util.Arrays.toString(top.indices()), top.r());
    }
}
