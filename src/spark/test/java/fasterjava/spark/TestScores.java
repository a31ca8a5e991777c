package fasterjava.spark;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import fasterjava.corrset.data.StandardData;
import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** The data the Spark tests search: the committed sample, the core's edge fixtures, seeded random CSV files. */
final class TestScores {
    private TestScores() {
    }

    /** The committed 6,000 x 20 sample (seed 42). */
    static Scores sample() {
        return ScoresLoader.load(StandardData.SAMPLE.path());
    }

    /** One of the core's named edge fixtures ({@code ties}, {@code zero-variance}, ...). */
    static Path edgeFixture(String name) {
        return ProjectPaths.root().resolve("src/test/resources/fixtures/edge/" + name + ".csv");
    }

    /**
     * Each (user, question) answered with probability {@code answerRate}, scores uniform in {@code 0..maxScore}
     * (above 1 the engine takes its general pair-table path), written as CSV in {@code dir} and loaded.
     */
    static Scores random(Path dir, long seed, int users, int questions, double answerRate, int maxScore) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("user,question,score\n");
        for (int q = 0; q < questions; q++) {
            for (int u = 0; u < users; u++) {
                if (random.nextDouble() < answerRate) {
                    csv.append('u').append(u).append(",q").append(q).append(',')
                            .append(random.nextInt(maxScore + 1)).append('\n');
                }
            }
        }
        Path file = dir.resolve("random-" + seed + ".csv");
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ScoresLoader.load(file);
    }
}
