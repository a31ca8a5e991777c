package fasterjava.corrset.search;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.Correlation;
import fasterjava.corrset.Oracle;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small data sets written as CSV and loaded the way users load theirs, plus the oracle's full search. */
final class SearchFixtures {
    private SearchFixtures() {
    }

    /** Rows {user, question, score} in file order (which fixes the index order). */
    static Scores fromRows(Path dir, String name, List<int[]> rows) {
        StringBuilder csv = new StringBuilder("user,question,score\n");
        for (int[] row : rows) {
            csv.append("u").append(row[0]).append(",q").append(row[1]).append(',').append(row[2]).append('\n');
        }
        Path file = dir.resolve(name + ".csv");
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ScoresLoader.load(file);
    }

    /**
     * Each (user, question) answered with probability {@code answerRate}, score uniform in {@code 0..maxScore};
     * rows shuffled so the index order is not the id order.
     */
    static Scores random(Path dir, long seed, int users, int questions, double answerRate, int maxScore) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> rows = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            for (int u = 0; u < users; u++) {
                if (random.nextDouble() < answerRate) {
                    rows.add(new int[] {u, q, random.nextInt(maxScore + 1)});
                }
            }
            // Every question appears, so Q is what the test asked for.
            rows.add(new int[] {users + q, q, random.nextInt(maxScore + 1)});
        }
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] swap = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, swap);
        }
        return fromRows(dir, "random-" + seed, rows);
    }

    /** The answer by definition: every set through {@link Oracle#sums}, every defined one offered to a top list. */
    static SearchResult oracleSearch(SearchRequest request) {
        Scores scores = request.scores();
        Oracle oracle = new Oracle(scores);
        TopSets best = new TopSets(request.top());
        long combinations = 0;
        long undefined = 0;
        int[] set = Combinations.first(request.k());
        do {
            combinations++;
            long[] s = oracle.sums(set);
            long da = Correlation.spread(s[0], s[1], s[4]);
            long db = Correlation.spread(s[0], s[2], s[5]);
            if (!Correlation.defined(s[0], da, db)) {
                undefined++;
            } else if (s[0] >= request.minUsers()) {
                best.offer(ScoredSet.of(set, s[0], s[1], s[2], s[3], s[4], s[5]));
            }
        } while (Combinations.next(set, scores.questionCount()));
        return new SearchResult(best.best(), combinations, undefined, 0, "oracle");
    }
}
