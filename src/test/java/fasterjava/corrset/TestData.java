package fasterjava.corrset;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.data.ScoresLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Small data sets for tests: named fixtures from resources, and seeded random ones written as CSV. */
public final class TestData {
    /** The named edge-case fixtures under {@code fixtures/edge/}. */
    public static final List<String> EDGE_FIXTURES = List.of("no-common-user", "single-user", "zero-variance",
            "ties");

    private TestData() {
    }

    public static Path resource(String path) {
        try {
            return Path.of(TestData.class.getResource("/" + path).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource " + path, e);
        }
    }

    public static Scores edge(String name) {
        return ScoresLoader.load(resource("fixtures/edge/" + name + ".csv"));
    }

    /**
     * A random data set: each (user, question) answered with probability {@code density}, scores in
     * {@code 0..maxScore}, rows shuffled so first-appearance order differs from id order. Written as CSV into
     * {@code dir} and loaded through the real loader.
     */
    public static Scores random(Path dir, long seed, int users, int questions, double density, int maxScore) {
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int q = 0; q < questions; q++) {
                if (random.nextDouble() < density) {
                    rows.add("user-" + u + ",question-" + q + "," + random.nextInt(maxScore + 1));
                }
            }
        }
        if (rows.isEmpty()) {
            rows.add("user-0,question-0,1");
        }
        Collections.shuffle(rows, random);
        return write(dir, "random-" + seed + ".csv", rows);
    }

    /** Writes {@code rows} (without header) as a CSV file in {@code dir} and loads it. */
    public static Scores write(Path dir, String name, List<String> rows) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, "user,question,score\n" + String.join("\n", rows) + "\n");
            return ScoresLoader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
