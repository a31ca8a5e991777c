package fasterjava.corrset;

import fasterjava.corrset.data.Scores;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simplest obviously-correct k-corrset, sharing no code with what it checks: per combination, look each user's
 * answers up in a map, keep users who answered all K questions, and accumulate the six exact sums; combinations
 * come from its own recursion (not {@link Combinations}), r's parts from {@link BigInteger} arithmetic (not
 * {@link Correlation}), and the ranking from its own exact comparison and tuple order (not the search package's top
 * list). Used by tests only, as the reference every step and search must equal.
 */
public final class Oracle {
    private final Scores scores;
    private final Map<Integer, Map<Integer, Integer>> answersByUser = new HashMap<>();

    /**
     * One combination's exact parts: {@code num = n·Sab − Sa·Sb}, {@code da = n·Saa − Sa²},
     * {@code db = n·Sbb − Sb²}, so r = num / √(da·db).
     */
    public record Exact(int[] indices, long n, BigInteger num, BigInteger da, BigInteger db) {
        public boolean defined() {
            return n >= 2 && da.signum() != 0 && db.signum() != 0;
        }

        /** The spec's reported double: {@code num / √((double) da · (double) db)}. */
        public double r() {
            return defined() ? num.doubleValue() / Math.sqrt(da.doubleValue() * db.doubleValue()) : Double.NaN;
        }

        /**
         * The spec's ranking, from first principles: r1 > r2 exactly when sign·r² orders them, and r² =
         * num²/(da·db) is compared by cross-multiplying (da, db > 0); equal r goes to the smaller tuple first.
         */
        public static final Comparator<Exact> BEST_FIRST = (a, b) -> {
            int byR = signedSquare(b).compareTo(signedSquare(a));
            return byR != 0 ? byR : tupleOrder(a.indices, b.indices);
        };

        /** sign(num)·num² over da·db, as one fraction compared through a common denominator. */
        private static Fraction signedSquare(Exact e) {
            return new Fraction(e.num.multiply(e.num).multiply(BigInteger.valueOf(e.num.signum())),
                    e.da.multiply(e.db));
        }
    }

    private record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {
        @Override
        public int compareTo(Fraction other) {
            return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
        }
    }

    /** Lexicographic order of two tuples of the same length, element by element. */
    static int tupleOrder(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i] ? -1 : 1;
            }
        }
        return 0;
    }

    public Oracle(Scores scores) {
        this.scores = scores;
        for (int q = 0; q < scores.questionCount(); q++) {
            int[] users = scores.answeredBy(q);
            int[] values = scores.answerScores(q);
            for (int i = 0; i < users.length; i++) {
                answersByUser.computeIfAbsent(users[i], u -> new HashMap<>()).put(q, values[i]);
            }
        }
    }

    /**
     * The first {@code limit} K-subsets of {@code 0..n-1} in lexicographic order, by recursion: every subset
     * starting with {@code c} comes before every subset starting with {@code c + 1}.
     */
    public static List<int[]> combinations(int n, int k, long limit) {
        List<int[]> all = new ArrayList<>();
        extend(new int[k], 0, 0, n, limit, all);
        return all;
    }

    private static void extend(int[] prefix, int filled, int from, int n, long limit, List<int[]> all) {
        if (all.size() >= limit) {
            return;
        }
        if (filled == prefix.length) {
            all.add(prefix.clone());
            return;
        }
        for (int c = from; c < n && all.size() < limit; c++) {
            prefix[filled] = c;
            extend(prefix, filled + 1, c + 1, n, limit, all);
        }
    }

    /** The six sums of one combination: {n, Sa, Sb, Sab, Saa, Sbb}. */
    public long[] sums(int[] questions) {
        long n = 0, sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
        for (int user = 0; user < scores.userCount(); user++) {
            Map<Integer, Integer> answers = answersByUser.getOrDefault(user, Map.of());
            long x = 0;
            boolean all = true;
            for (int q : questions) {
                Integer score = answers.get(q);
                if (score == null) {
                    all = false;
                    break;
                }
                x += score;
            }
            if (all) {
                long y = scores.grandTotals()[user];
                n++;
                sa += x;
                sb += y;
                sab += x * y;
                saa += x * x;
                sbb += y * y;
            }
        }
        return new long[] {n, sa, sb, sab, saa, sbb};
    }

    /** One combination's exact parts. */
    public Exact exact(int[] questions) {
        long[] s = sums(questions);
        BigInteger n = BigInteger.valueOf(s[0]);
        BigInteger sa = BigInteger.valueOf(s[1]);
        BigInteger sb = BigInteger.valueOf(s[2]);
        BigInteger num = n.multiply(BigInteger.valueOf(s[3])).subtract(sa.multiply(sb));
        BigInteger da = n.multiply(BigInteger.valueOf(s[4])).subtract(sa.multiply(sa));
        BigInteger db = n.multiply(BigInteger.valueOf(s[5])).subtract(sb.multiply(sb));
        return new Exact(questions.clone(), s[0], num, da, db);
    }

    public double r(int[] questions) {
        return exact(questions).r();
    }

    /** The oracle's answer for the first {@code items} K-combinations, in the same shape as a step's. */
    public CorrsetResult firstCombinations(int k, int items) {
        CorrsetResult result = CorrsetResult.ofSize(items);
        List<int[]> combinations = combinations(scores.questionCount(), k, items);
        for (int i = 0; i < items; i++) {
            Exact exact = exact(combinations.get(i));
            result.r()[i] = exact.r();
            result.n()[i] = (int) exact.n();
        }
        return result;
    }

    /** Every K-subset, examined and ranked: the defined ones with at least {@code minUsers}, best first. */
    public record Search(List<Exact> ranked, long combinations, long undefined) {
    }

    public Search search(int k, int minUsers) {
        List<Exact> ranked = new ArrayList<>();
        long undefined = 0;
        List<int[]> all = combinations(scores.questionCount(), k, Long.MAX_VALUE);
        for (int[] set : all) {
            Exact exact = exact(set);
            if (!exact.defined()) {
                undefined++;
            } else if (exact.n() >= minUsers) {
                ranked.add(exact);
            }
        }
        ranked.sort(Exact.BEST_FIRST);
        return new Search(ranked, all.size(), undefined);
    }
}
