package fasterjava.corrset.data;

import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The project's named data sets, all from the spec's generator with seed 42. The sample is committed under
 * {@code data/}; the full-size set is generated on first use under {@code data/generated/} (git-ignored).
 */
public enum StandardData {
    /** 6,000 users, 20 questions: C(20,5) = 15,504 sets; fast enough for tests and the {@code tiny} scale. */
    SAMPLE(new ScoresGenerator.Shape(6_000, 20, 200, 42), "scores-6000x20-seed42.json", false),
    /** The articles' shape: 60,000 users, 200 questions, 2.4 million rows, 259 MB. */
    FULL(new ScoresGenerator.Shape(60_000, 200, 200, 42), "scores-60000x200x200-seed42.json", true);

    private final ScoresGenerator.Shape shape;
    private final String fileName;
    private final boolean generated;

    StandardData(ScoresGenerator.Shape shape, String fileName, boolean generated) {
        this.shape = shape;
        this.fileName = fileName;
        this.generated = generated;
    }

    public ScoresGenerator.Shape shape() {
        return shape;
    }

    public Path path() {
        Path data = ProjectPaths.data();
        return generated ? data.resolve("generated").resolve(fileName) : data.resolve(fileName);
    }

    /** The file, generated first if it is missing (the generator is deterministic, so this is safe). */
    public Path ensure(Consumer<String> log) {
        Path path = path();
        if (!Files.isRegularFile(path)) {
            log.accept("generating " + path + " (" + shape.users() + " users x " + shape.questions()
                    + " questions, seed " + shape.seed() + ")...");
            try {
                ScoresGenerator.write(shape, path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
        }
        return path;
    }
}
