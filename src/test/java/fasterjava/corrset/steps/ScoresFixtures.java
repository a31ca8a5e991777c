package fasterjava.corrset.steps;

import fasterjava.corrset.Combinations;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Small {@link Scores} for tests, built the way users build them: rows written to a CSV file and loaded with
 * {@link ScoresLoader} (so indices follow first appearance, exactly as for real input).
 */
public final class ScoresFixtures {
    /** One input row. */
    public record Row(String user, String question, int score) {
    }

    /**
     * A data set to run a step on: {@code items} is how many leading K-combinations to check.
     *
     * @param name what the case covers, plus the seed and shape for random ones (printed on failure)
     */
    public record Case(String name, Scores scores, int k, int items) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ScoresFixtures() {
    }

    /** Writes {@code rows} as {@code <name>.csv} under {@code dir} and loads it. */
    public static Scores load(Path dir, String name, List<Row> rows) {
        StringBuilder csv = new StringBuilder("user,question,score\n");
        for (Row row : rows) {
            csv.append(row.user()).append(',').append(row.question()).append(',').append(row.score()).append('\n');
        }
        Path file = dir.resolve(name + ".csv");
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ScoresLoader.load(file);
    }

    /** A case checking every K-combination, or the first {@code cap} of them. */
    public static Case all(String name, Scores scores, int k, int cap) {
        var count = Combinations.count(scores.questionCount(), k);
        int items = count.compareTo(java.math.BigInteger.valueOf(cap)) > 0 ? cap : count.intValueExact();
        return new Case(name, scores, k, items);
    }

    /**
     * A seeded random data set: {@code users} × {@code questions}, each answer present with probability
     * {@code density}, scores uniform in {@code 0..maxScore}, rows in shuffled order (so indices are not the
     * names' order). Users or questions without any answer do not exist in the loaded data.
     */
    public static Scores random(Path dir, long seed, int users, int questions, double density, int maxScore) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            for (int u = 0; u < users; u++) {
                if (random.nextDouble() < density) {
                    rows.add(new Row("u" + u, "q" + q, random.nextInt(maxScore + 1)));
                }
            }
        }
        if (rows.isEmpty()) {
            rows.add(new Row("u0", "q0", maxScore));
        }
        Collections.shuffle(rows, random);
        return load(dir, "random-" + seed, rows);
    }
}
