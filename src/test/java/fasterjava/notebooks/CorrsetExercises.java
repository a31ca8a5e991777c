package fasterjava.notebooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The k-corrset notebooks' "Your turn" sections and their solutions. Two deliberately naive starters, each a
 * complete {@code Step} a learner edits in a cell: one with hash sets and maps (steps 01–08: the data-structure
 * steps), one with {@link java.util.BitSet} (steps 09–16: the bit-level and parallel steps). Each step notebook
 * gives one of them and a task that applies that step's idea, asks for a prediction, then runs the learner's step
 * through {@code nb.tryStep} (verified against the baseline, then timed beside the ladder).
 */
final class CorrsetExercises {
    /** The steps whose task {@link #solutions()} solves. */
    private static final Set<String> SOLVED = Set.of("03", "06", "07", "09", "10", "11");

    private static final String IMPORTS = """
            import fasterjava.corrset.*;
            import fasterjava.corrset.data.Scores;
            import fasterjava.ladder.Step;
            import java.util.*;
            """;

    /**
     * Adds one user to the running sums of a set of questions: x, the sum of the user's scores on those questions
     * (each looked up by the expression that takes the place of {@code %s}), and y, the user's grand total. Every
     * starter and solution ends its loop over the set's users with these lines.
     */
    private static final String ADD_USER = """
            long x = 0;
            for (int question : set) {
                x += %s;
            }
            long y = grandTotals[user];
            n++;
            sx += x;
            sy += y;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
            """;

    /** Hash sets of users, score maps: what steps 02–05 do, in one class. */
    static final String SETS_STARTER = IMPORTS + """

            /** Naive on purpose: hash sets and maps of boxed Integers, rebuilt for every set of questions. */
            class MySets implements Step<CorrsetInput, CorrsetResult> {
                private List<Set<Integer>> answered;
                private List<Map<Integer, Integer>> scoreOf;
                private long[] grandTotals;
                private int k;
                private int questions;

                public void prepare(CorrsetInput input) {
                    Scores scores = input.scores();
                    answered = new ArrayList<>();
                    scoreOf = new ArrayList<>();
                    for (int q = 0; q < scores.questionCount(); q++) {
                        Map<Integer, Integer> scoreByUser = new HashMap<>();
                        int[] users = scores.answeredBy(q);
                        for (int i = 0; i < users.length; i++) {
                            scoreByUser.put(users[i], scores.answerScores(q)[i]);
                        }
                        answered.add(scoreByUser.keySet());
                        scoreOf.add(scoreByUser);
                    }
                    grandTotals = scores.grandTotals();
                    k = input.k();
                    questions = scores.questionCount();
                }

                public CorrsetResult compute(int items) {
                    CorrsetResult result = CorrsetResult.ofSize(items);
                    int[] set = Combinations.first(k);
                    for (int item = 0; item < items; item++) {
                        Set<Integer> users = new HashSet<>(answered.get(set[0]));
                        for (int j = 1; j < k; j++) {
                            users.retainAll(answered.get(set[j]));
                        }
                        long n = 0, sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
                        for (int user : users) {
            """ + addUser("scoreOf.get(question).get(user)", 16) + """
                        }
                        result.r()[item] = Correlation.r(n, sx, sy, sxy, sxx, syy);
                        result.n()[item] = (int) n;
                        Combinations.next(set, questions);
                    }
                    return result;
                }
            }""";

    /** java.util.BitSet: the JDK's bitsets, cloned and ANDed for every set of questions. */
    static final String BITS_STARTER = IMPORTS + """

            /** Naive on purpose: a java.util.BitSet per question, cloned and ANDed for every set of questions. */
            class MyBits implements Step<CorrsetInput, CorrsetResult> {
                private BitSet[] answered;
                private int[][] scores;
                private long[] grandTotals;
                private int k;

                public void prepare(CorrsetInput input) {
                    Scores data = input.scores();
                    answered = new BitSet[data.questionCount()];
                    scores = new int[data.questionCount()][data.userCount()];
                    for (int q = 0; q < data.questionCount(); q++) {
                        answered[q] = new BitSet(data.userCount());
                        int[] users = data.answeredBy(q);
                        for (int i = 0; i < users.length; i++) {
                            answered[q].set(users[i]);
                            scores[q][users[i]] = data.answerScores(q)[i];
                        }
                    }
                    grandTotals = data.grandTotals();
                    k = input.k();
                }

                public CorrsetResult compute(int items) {
                    CorrsetResult result = CorrsetResult.ofSize(items);
                    int[] set = Combinations.first(k);
                    for (int item = 0; item < items; item++) {
                        BitSet users = (BitSet) answered[set[0]].clone();
                        for (int j = 1; j < k; j++) {
                            users.and(answered[set[j]]);
                        }
                        long n = 0, sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
                        for (int user = users.nextSetBit(0); user >= 0; user = users.nextSetBit(user + 1)) {
            """ + addUser("scores[question][user]", 16) + """
                        }
                        result.r()[item] = Correlation.r(n, sx, sy, sxy, sxx, syy);
                        result.n()[item] = (int) n;
                        Combinations.next(set, answered.length);
                    }
                    return result;
                }
            }""";

    /** A task, the question to answer before measuring, and which starter it edits. */
    record Exercise(String task, String predict, boolean bits) {
        String className() {
            return bits ? "MyBits" : "MySets";
        }

        String starter() {
            return bits ? BITS_STARTER : SETS_STARTER;
        }
    }

    private CorrsetExercises() {
    }

    /** {@link #ADD_USER} with {@code score} as the lookup, each line indented by {@code spaces}. */
    private static String addUser(String score, int spaces) {
        return ADD_USER.formatted(score).indent(spaces);
    }

    /** The exercise at the end of step {@code number}'s notebook. */
    static Exercise forStep(String number) {
        return switch (number) {
            case "01" -> new Exercise("""
                    Break the starter on purpose: add 1 to every `n` it returns (`result.n()[item] = (int) n + 1;`)
                    and run it. Read what the harness says, then undo the change.""", """
                    Will the broken step be timed? Which combination will the message name?""", false);
            case "02" -> new Exercise("""
                    `retainAll` walks the set it is called on. Start the intersection from the question answered
                    by the *fewest* users (sort the K sets by size first).""", """
                    Every question here is answered by about a fifth of the users. How much can the order matter on
                    this data, and on data where one question is rare?""", false);
            case "03" -> new Exercise("""
                    The starter looks each score up in a `Map<Integer, Integer>` per question. Replace the maps
                    with one `int[]` of scores per question, indexed by user.""", """
                    Which costs more in the starter: the set intersection or the score lookups? Decide, then
                    measure.""", false);
            case "04" -> new Exercise("""
                    The grand totals are already a `long[]`. Find what the starter still boxes (`Integer`) and
                    remove it from the inner loop.""", """
                    How many `Integer` objects does one combination create in the starter? (A profile of the
                    starter shows where.)""", false);
            case "05" -> new Exercise("""
                    Users are ints already. Replace `HashSet<Integer>` with a sorted `int[]` per question and
                    intersect by merging (two indices walking forward).""", """
                    Sorted-array merging is O(a + b), like the hash set. Why would it still be faster?""", false);
            case "06" -> new Exercise("""
                    Replace the sets with a `boolean[users]` row per question: a user is counted when all K rows
                    say true.""", """
                    The boolean rows cost one byte per user, answered or not, for every question. At what share of
                    answering users would the hash set win?""", false);
            case "07" -> new Exercise("""
                    Combine 06 and 03: `boolean[][]` rows and an `int[questions][users]` score matrix — no map, no
                    set, no boxing.""", """
                    Predict the speedup over the starter to within a factor of three, then measure.""", false);
            case "08" -> new Exercise("""
                    The starter already keeps exact `long` sums (the step 08 idea). Do the opposite: collect x and
                    y into `double[]` arrays and use Commons Math's `PearsonsCorrelation`.""", """
                    Will the library's r still pass verification (|Δr| ≤ 1e-12)? How much slower is it? This is
                    the readability-versus-speed question: which version would you rather maintain?""", false);
            case "09" -> new Exercise("""
                    Replace `java.util.BitSet` with a `long[]` per question: AND word by word into a reused array,
                    walk the set bits with `Long.numberOfTrailingZeros`.""", """
                    The JDK's `BitSet` uses the same words inside. Will your `long[]` be faster, the same, or
                    slower? (Step 09's Javadoc tells what happened here.)""", true);
            case "10" -> new Exercise("""
                    Fuse the loops: AND the K words of one position and walk that word's set bits at once, with no
                    intersection array at all.""", """
                    About 19 users survive the AND of 5 questions. What share of the time goes to the AND, and what
                    to the users? Decide, then profile with `nb.profile`.""", true);
            case "11" -> new Exercise("""
                    Make the AND stop at the first zero: once the running AND of a word is 0, skip the remaining
                    questions for that word.""", """
                    Each question is answered by a fifth of the users: after two ANDs about 1 bit in 25 is left.
                    How many of the K ANDs per word will actually run?""", true);
            case "12" -> new Exercise("""
                    Run the combinations on all cores: split `0..items` into chunks, give each chunk its own
                    starting combination (`Combinations.unrank`), and let a parallel stream fill the result.""", """
                    Amdahl's law: if 5% of the run stays serial, what speedup do 2 cores give, and 8? What does
                    your measurement say the serial share is?""", true);
            case "13" -> new Exercise("""
                    Reuse prefixes: consecutive combinations share their first K−1 questions, so AND those once
                    and only AND the last question per combination.""", """
                    How many combinations share one 4-question prefix on average with 20 questions? With 200?""",
                    true);
            case "14" -> new Exercise("""
                    Invert the last level: for one prefix, walk its users once and add each user's scores into an
                    accumulator per possible last question.""", """
                    The prefix has far fewer users than the data. When does walking users beat ANDing bitsets?""",
                    true);
            case "15" -> new Exercise("""
                    Compare readability: count the lines of the starter and of step 15 (`nb.source("15")`), and
                    their times. Write down which steps you would keep in production code, and why.""", """
                    Is a 3x speedup worth 3x the code? What would make you say no?""", true);
            case "16" -> new Exercise("""
                    Pick any idea from steps 09–16 the starter does not have yet and add it. Then check your
                    version with `nb.profile` on the nearest step and explain where your time goes.""", """
                    Which single idea gives the starter the biggest gain on this machine? Predict, then measure.""",
                    true);
            default -> throw new IllegalArgumentException("no exercise for step " + number);
        };
    }

    /** The "Your turn" section at the end of a step notebook. */
    static void yourTurn(NotebookJson nb, String number, String slug) {
        Exercise exercise = forStep(number);
        ExerciseCells.yourTurn(nb, exercise.task(), exercise.predict(), SOLVED.contains(number), exercise.starter(),
                exercise.className(), slug);
    }

    /** The solutions notebooks: each is a notebook of exercise cells, run by the tests like every notebook. */
    static Map<String, ObjectNode> solutions() {
        Map<String, ObjectNode> books = new LinkedHashMap<>();
        books.put("01-corrset-sets.ipynb", solutionBook("01-corrset-sets", """
                # Solutions · k-corrset · steps 03, 06 and 07

                The starter of steps 01–08 with the score maps replaced by a dense `int[questions][users]` matrix
                (step 03's task, then 07's) and the hash sets by `boolean` rows (06's task).""", "my-dense-rows",
                "DenseRows", SOLUTION_DENSE_ROWS));
        books.put("02-corrset-bits.ipynb", solutionBook("02-corrset-bits", """
                # Solutions · k-corrset · steps 09, 10 and 11

                The starter of steps 09–16 with `java.util.BitSet` replaced by `long[]` words (09), the AND and
                the walk over set bits fused into one pass (10), and the AND stopping at the first zero (11).""",
                "my-fused-words", "FusedWords", SOLUTION_FUSED_WORDS));
        return books;
    }

    private static ObjectNode solutionBook(String name, String intro, String slug, String className, String code) {
        return ExerciseCells.solutionBook(name, intro, "[← the k-corrset overview](../corrset/00-overview.ipynb)",
                "import fasterjava.notebook.*;\n\nvar nb = CorrsetNotebook.open();", "11", IMPORTS + "\n" + code, slug,
                className);
    }

    private static final String SOLUTION_DENSE_ROWS = """
            /** Steps 06 and 07's ideas on the starter: boolean rows ANDed per user, a dense score matrix. */
            class DenseRows implements Step<CorrsetInput, CorrsetResult> {
                private boolean[][] answered;
                private int[][] scores;
                private long[] grandTotals;
                private int k;
                private int users;

                public void prepare(CorrsetInput input) {
                    Scores data = input.scores();
                    users = data.userCount();
                    answered = new boolean[data.questionCount()][users];
                    scores = new int[data.questionCount()][users];
                    for (int q = 0; q < data.questionCount(); q++) {
                        int[] who = data.answeredBy(q);
                        for (int i = 0; i < who.length; i++) {
                            answered[q][who[i]] = true;
                            scores[q][who[i]] = data.answerScores(q)[i];
                        }
                    }
                    grandTotals = data.grandTotals();
                    k = input.k();
                }

                public CorrsetResult compute(int items) {
                    CorrsetResult result = CorrsetResult.ofSize(items);
                    int[] set = Combinations.first(k);
                    for (int item = 0; item < items; item++) {
                        long n = 0, sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
                        for (int user = 0; user < users; user++) {
                            boolean all = true;
                            for (int j = 0; j < k && all; j++) {
                                all = answered[set[j]][user];
                            }
                            if (!all) {
                                continue;
                            }
            """ + addUser("scores[question][user]", 16) + """
                        }
                        result.r()[item] = Correlation.r(n, sx, sy, sxy, sxx, syy);
                        result.n()[item] = (int) n;
                        Combinations.next(set, answered.length);
                    }
                    return result;
                }
            }""";

    private static final String SOLUTION_FUSED_WORDS = """
            /** Steps 09–11's ideas on the starter: long[] words, AND and bit walk fused, stop at the first zero. */
            class FusedWords implements Step<CorrsetInput, CorrsetResult> {
                private long[][] answered;
                private int[][] scores;
                private long[] grandTotals;
                private int k;

                public void prepare(CorrsetInput input) {
                    Scores data = input.scores();
                    int words = (data.userCount() + 63) / 64;
                    answered = new long[data.questionCount()][words];
                    scores = new int[data.questionCount()][data.userCount()];
                    for (int q = 0; q < data.questionCount(); q++) {
                        int[] users = data.answeredBy(q);
                        for (int i = 0; i < users.length; i++) {
                            answered[q][users[i] >>> 6] |= 1L << users[i];
                            scores[q][users[i]] = data.answerScores(q)[i];
                        }
                    }
                    grandTotals = data.grandTotals();
                    k = input.k();
                }

                public CorrsetResult compute(int items) {
                    CorrsetResult result = CorrsetResult.ofSize(items);
                    int[] set = Combinations.first(k);
                    int words = answered[0].length;
                    for (int item = 0; item < items; item++) {
                        long n = 0, sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
                        for (int w = 0; w < words; w++) {
                            long word = answered[set[0]][w];
                            for (int j = 1; j < k && word != 0; j++) {
                                word &= answered[set[j]][w];
                            }
                            for (; word != 0; word &= word - 1) {
                                int user = (w << 6) + Long.numberOfTrailingZeros(word);
            """ + addUser("scores[question][user]", 20) + """
                            }
                        }
                        result.r()[item] = Correlation.r(n, sx, sy, sxy, sxx, syy);
                        result.n()[item] = (int) n;
                        Combinations.next(set, answered.length);
                    }
                    return result;
                }
            }""";
}
