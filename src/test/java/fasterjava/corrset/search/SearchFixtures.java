package fasterjava.corrset.search;

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

    /**
     * The answer by definition: every set through the {@link Oracle}'s own enumeration, sums and exact ranking;
     * the engines' top list, comparison and combination order play no part in it.
     */
    static SearchResult oracleSearch(SearchRequest request) {
        Oracle.Search search = new Oracle(request.scores()).search(request.k(), request.minUsers());
        List<ScoredSet> best = new ArrayList<>();
        for (Oracle.Exact exact : search.ranked().subList(0, Math.min(request.top(), search.ranked().size()))) {
            best.add(new ScoredSet(exact.indices(), exact.r(), Math.toIntExact(exact.n()),
                    exact.num().longValueExact(), exact.da().longValueExact(), exact.db().longValueExact()));
        }
        return new SearchResult(best, search.combinations(), search.undefined(), 0, "oracle");
    }
}
