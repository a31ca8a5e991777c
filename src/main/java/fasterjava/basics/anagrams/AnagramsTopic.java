package fasterjava.basics.anagrams;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.basics.growth.GrowthBudget;
import fasterjava.basics.growth.GrowthCharts;
import fasterjava.basics.growth.GrowthCurves;
import fasterjava.basics.growth.GrowthTable;
import fasterjava.ladder.VerificationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * Anagrams: finding the groups of words made of the same letters, by comparing every pair of words and by sorting
 * each word's letters into a key.
 *
 * <p>The claim: comparing letter counts for every pair of n words takes n(n−1)/2 comparisons, O(n²); sorting each
 * word's letters gives a canonical form that all its anagrams share ("listen", "silent" and "enlist" all become
 * "eilnst"), and a hash map from that key to its words finds every group in one pass, O(n) for words of bounded
 * length.
 *
 * <p>The words: Debian's {@code wamerican} list ({@code /usr/share/dict/words}), lower-cased, without entries
 * holding anything but the letters a–z (possessives such as "Aaron's" are left out), each word once — or the
 * committed sample of it when the list is not installed. Each size n takes the first n words of a seeded shuffle.
 * Both ways must find exactly the same groups, checked before anything is timed.
 *
 * <p>What this means: for a handful of words the pairwise way can win — it does less per word than sorting and
 * hashing — so the two curves cross, and the findings name where. Past the crossover the gap doubles with every
 * doubling of n, which is why the whole list is out of reach for the pairwise way within the time cap while the
 * canonical way handles it in a fraction of a second. A better algorithm beats a faster loop.
 */
public final class AnagramsTopic implements Topic {
    private static final long SEED = 42;
    private static final int VERIFY_SIZE = 3_000;
    private static final Map<String, String> EXPECTED = Map.of("pairwise", "n²", "canonical", "n");

    @Override
    public String number() {
        return "04";
    }

    @Override
    public String slug() {
        return "anagrams";
    }

    @Override
    public String title() {
        return "Anagrams: pairwise letter counts (n²) vs a canonical sorted key (n)";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        WordList list = WordList.load();
        List<String> words = shuffled(Anagrams.normalize(list.words()));
        log.accept(String.format(Locale.ROOT, "words: %,d lines of %s, %,d after normalizing", list.words().size(),
                list.source(), words.size()));
        verify(words, log);
        long largest = size == Size.TINY ? Math.min(words.size(), 8_192) : words.size();
        long[] sizes = sizesUpTo(largest);
        GrowthBudget budget = GrowthBudget.of(size);
        List<TopicReport.Curve> curves = new ArrayList<>();
        log.accept("measuring pairwise");
        curves.add(GrowthCurves.measure("pairwise", sizes, n -> words.subList(0, (int) n), Anagrams::pairwise,
                budget, log));
        log.accept("measuring canonical");
        curves.add(GrowthCurves.measure("canonical", sizes, n -> words.subList(0, (int) n), Anagrams::canonical,
                budget, log));
        List<String> findings = new ArrayList<>();
        curves.forEach(c -> findings.add(GrowthTable.finding(c) + " (expected " + EXPECTED.get(c.name()) + ")"));
        findings.add(crossover(curves.get(0), curves.get(1)));
        List<List<String>> groups = Anagrams.canonical(words);
        List<String> largestGroup = groups.stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
        findings.add(String.format(Locale.ROOT, "the %,d words hold %,d anagram groups; the largest: %s",
                words.size(), groups.size(), String.join(", ", largestGroup.stream().sorted().toList())));
        return new TopicReport(slug(), title(), TopicReport.contextLine(size, String.format(Locale.ROOT,
                "%,d words from %s, shuffled with seed %d", words.size(), list.source(), SEED)), findings,
                GrowthTable.of(curves, EXPECTED), curves,
                List.of(GrowthCharts.chart("Anagram groups among n words: time per search", curves)));
    }

    /** Both ways find the same groups among the first words and among none or one. */
    static void verify(List<String> words, Consumer<String> log) {
        int n = Math.min(words.size(), VERIFY_SIZE);
        for (List<String> sample : List.of(List.<String>of(), words.subList(0, Math.min(1, n)),
                words.subList(0, n))) {
            List<List<String>> pairwise = Anagrams.sorted(Anagrams.pairwise(sample));
            List<List<String>> canonical = Anagrams.sorted(Anagrams.canonical(sample));
            if (!pairwise.equals(canonical)) {
                throw new VerificationException("verification failed: among " + sample.size() + " words pairwise "
                        + "found " + pairwise.size() + " groups, canonical " + canonical.size());
            }
        }
        int groups = Anagrams.canonical(words.subList(0, n)).size();
        log.accept(String.format(Locale.ROOT, "verified: pairwise and canonical find the same %,d groups among the "
                + "first %,d words (and none among 0 or 1)", groups, n));
    }

    /** Every power of two from 2, then n itself. */
    static long[] sizesUpTo(long n) {
        long[] powers = GrowthCurves.doubling(2, Math.max(2, n));
        return powers[powers.length - 1] == n ? powers
                : LongStream.concat(LongStream.of(powers), LongStream.of(n)).toArray();
    }

    /**
     * Where the pairwise curve stops being the faster one, interpolated on the log scale between the two measured
     * sizes around the change.
     */
    static String crossover(TopicReport.Curve pairwise, TopicReport.Curve canonical) {
        List<double[]> shared = new ArrayList<>();
        for (TopicReport.Point p : pairwise.points()) {
            canonical.points().stream().filter(c -> c.n() == p.n()).findFirst()
                    .ifPresent(c -> shared.add(new double[] {p.n(), Math.log(p.seconds() / c.seconds())}));
        }
        if (shared.isEmpty()) {
            return "no size was measured for both ways";
        }
        if (shared.get(0)[1] > 0) {
            return String.format(Locale.ROOT, "canonical is faster at every size measured, from n = %,.0f",
                    shared.get(0)[0]);
        }
        for (int i = 1; i < shared.size(); i++) {
            double[] before = shared.get(i - 1);
            double[] after = shared.get(i);
            if (before[1] <= 0 && after[1] > 0) {
                double share = -before[1] / (after[1] - before[1]);
                double n = Math.exp(Math.log(before[0]) + share * (Math.log(after[0]) - Math.log(before[0])));
                return String.format(Locale.ROOT, "crossover near n = %,.0f words: pairwise is faster below, "
                        + "canonical above (measured at n = %,.0f and %,.0f)", n, before[0], after[0]);
            }
        }
        return String.format(Locale.ROOT, "pairwise is faster at every size measured for both, up to n = %,.0f",
                shared.get(shared.size() - 1)[0]);
    }

    private static List<String> shuffled(List<String> words) {
        List<String> copy = new ArrayList<>(words);
        Collections.shuffle(copy, new Random(SEED));
        return List.copyOf(copy);
    }
}
