package fasterjava.basics.strings;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.basics.growth.GrowthBudget;
import fasterjava.basics.growth.GrowthCharts;
import fasterjava.basics.growth.GrowthCurves;
import fasterjava.basics.growth.GrowthTable;
import fasterjava.ladder.VerificationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * String building: joining n letters into one string, five ways, timed over growing n.
 *
 * <p>The claim: strings are immutable, so {@code s = s + letter} cannot append in place; it allocates a new string
 * and copies everything built so far. Done n times that copies 1 + 2 + … + n ≈ n²/2 characters: O(n²). A
 * {@code StringBuilder} appends into a buffer that doubles when full, so each character is copied a constant number of
 * times on average: O(n). The text measured this in Python for 100,000 letters: {@code reduce} with {@code +} 171
 * ms, {@code +=} in a loop 31 ms, {@code "".join} 1 ms ({@code +=} was fast there because CPython extends a string
 * in place when nothing else refers to it; Java never does).
 *
 * <p>Java's versions: {@code stream().reduce("", String::concat)} (reduce-concat), {@code s += letter} in a loop
 * (plus-equals), a {@code StringBuilder} (string-builder), {@code String.join} (string-join) and
 * {@code Collectors.joining} (collectors-joining). All five must produce the same string, checked before anything
 * is timed. Each is timed for growing n; the quadratic ones stop once one call takes about a second (at
 * {@code full}).
 *
 * <p>What this means: on the log-log chart the two quadratic curves climb with about twice the slope of the three
 * linear ones, so the gap between them widens with every step in n: ten times the letters cost about a hundred times
 * as long with {@code +=}, about ten times with a {@code StringBuilder}. The JIT does not turn a {@code +=} loop
 * into a builder. Inside a loop, collect into a {@code StringBuilder} or join a list.
 */
public final class StringsTopic implements Topic {
    private static final long SEED = 42;
    /** The text's example size. */
    static final int TEXT_SIZE = 100_000;
    private static final int VERIFY_SIZE = 5_000;
    private static final Map<String, String> EXPECTED = expected();

    @Override
    public String number() {
        return "03";
    }

    @Override
    public String slug() {
        return "strings";
    }

    @Override
    public String title() {
        return "String building: += and reduce are quadratic, StringBuilder and join linear";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        verify(log);
        long largest = switch (size) {
            case TINY -> 100_000;
            case SMALL -> 1_000_000;
            case FULL -> 10_000_000;
        };
        // Four sizes per decade, so the text's 100,000 is one of them.
        long[] sizes = GrowthCurves.geometric(1_000, largest, Math.pow(10, 0.25));
        GrowthBudget budget = GrowthBudget.of(size);
        List<TopicReport.Curve> curves = new ArrayList<>();
        for (Join join : Join.values()) {
            log.accept("measuring " + join.slug() + ": " + join.code());
            TopicReport.Curve curve = GrowthCurves.measure(join.slug(), sizes, StringsTopic::letters, join::apply,
                    budget, log);
            log.accept(GrowthTable.finding(curve));
            curves.add(curve);
        }
        List<String> findings = new ArrayList<>();
        curves.forEach(c -> findings.add(GrowthTable.finding(c) + " (expected " + EXPECTED.get(c.name()) + ")"));
        findings.add(atTextSize(curves));
        return new TopicReport(slug(), title(), TopicReport.contextLine(size, "one-letter strings a-z, seed " + SEED),
                findings, GrowthTable.of(curves, EXPECTED), curves,
                List.of(GrowthCharts.chart("Joining n letters: time per join", curves)));
    }

    /** All five joins give the same string as one built directly from the letters' characters. */
    static void verify(Consumer<String> log) {
        for (int n : new int[] {0, 1, VERIFY_SIZE}) {
            List<String> letters = letters(n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = letters.get(i).charAt(0);
            }
            String expected = new String(chars);
            for (Join join : Join.values()) {
                String joined = join.apply(letters);
                if (!expected.equals(joined)) {
                    throw new VerificationException("verification failed: " + join.slug() + " of " + n
                            + " letters differs from the letters written into one char[]");
                }
            }
        }
        log.accept(String.format(Locale.ROOT, "verified: all %d ways give the same string as the letters written "
                + "into one char[], for 0, 1 and %,d letters", Join.values().length, VERIFY_SIZE));
    }

    /** n one-letter strings, a to z, from a fixed seed. */
    static List<String> letters(long n) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> letters = new ArrayList<>(Math.toIntExact(n));
        for (long i = 0; i < n; i++) {
            letters.add(String.valueOf((char) ('a' + random.nextInt(26))));
        }
        return letters;
    }

    /** The time of each way at the text's 100,000 letters, where it was measured. */
    private static String atTextSize(List<TopicReport.Curve> curves) {
        List<String> parts = new ArrayList<>();
        for (TopicReport.Curve curve : curves) {
            curve.points().stream().filter(p -> p.n() == TEXT_SIZE).findFirst().ifPresentOrElse(
                    p -> parts.add(curve.name() + " " + GrowthCurves.seconds(p.seconds())),
                    () -> parts.add(curve.name() + " not measured (stopped earlier)"));
        }
        return String.format(Locale.ROOT, "at the text's %,d letters: %s", TEXT_SIZE, String.join(", ", parts));
    }

    private static Map<String, String> expected() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (Join join : Join.values()) {
            expected.put(join.slug(), join == Join.REDUCE_CONCAT || join == Join.PLUS_EQUALS ? "n²" : "n");
        }
        return expected;
    }
}
