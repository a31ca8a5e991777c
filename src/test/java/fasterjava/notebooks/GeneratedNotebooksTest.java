package fasterjava.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed notebooks of every track are exactly what the generators make: for each journey
 * {@link LadderNotebookBook} (one per registered step plus overview and summary, prose taken from each step's
 * Javadoc), for the basics track {@link BasicsNotebookBook} (one per topic); navigation links that match. With
 * {@code -Dnotebooks.write=true} the test rewrites them instead:
 * {@code mvn -q test -Dtest=GeneratedNotebooksTest -Dnotebooks.write=true}.
 */
class GeneratedNotebooksTest {

    /** A folder of notebooks and what generates them. */
    record Track(String name, Generator generator) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Generator {
        Map<String, ObjectNode> notebooks() throws IOException;
    }

    static Stream<LadderBook> books() {
        return Stream.of(new CorrsetBook(), new VitalsBook());
    }

    static Stream<Track> tracks() {
        return Stream.concat(books().map(book -> new Track(book.track(), () -> LadderNotebookBook.notebooks(book))),
                Stream.of(new Track(BasicsNotebookBook.TRACK, BasicsNotebookBook::notebooks),
                        new Track(CorrsetExercises.TRACK, CorrsetExercises::solutions)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tracks")
    void committedNotebooksMatchTheGenerator(Track track) throws IOException {
        Path dir = CommittedNotebooksTest.notebooksDir().resolve(track.name());
        Map<String, ObjectNode> expected = track.generator().notebooks();
        if (Boolean.getBoolean("notebooks.write")) {
            Files.createDirectories(dir);
            for (var entry : expected.entrySet()) {
                NotebookJson.write(dir.resolve(entry.getKey()), entry.getValue());
            }
        }
        try (var files = Files.list(dir)) {
            List<String> present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
                    .sorted().toList();
            assertEquals(expected.keySet().stream().sorted().toList(), present,
                    "notebooks/" + track.name() + "/ must hold exactly the generated notebooks");
        }
        for (var entry : expected.entrySet()) {
            assertEquals(entry.getValue(), NotebookJson.read(dir.resolve(entry.getKey())), entry.getKey()
                    + " differs from the generator: rerun with -Dnotebooks.write=true (see this test's Javadoc)");
        }
    }

    @Test
    void everyJourneyHasABook() {
        assertEquals(fasterjava.journeys.Journeys.names(), books().map(LadderBook::track).toList());
    }

    @Test
    void javadocBecomesMarkdown() {
        String markdown = NotebookJson.javadocMarkdown("""
                /**
                 * Step 07 — a dense matrix: scores are {@code int[q][u]}, see {@link Scores}.
                 *
                 * <p>Why: fewer {@code Map<K, V>} lookups &amp; misses.
                 */
                public final class Step07 {""");
        assertEquals("**A dense matrix:** scores are `int[q][u]`, see `Scores`.\n\nWhy: fewer `Map<K, V>` lookups "
                + "& misses.", markdown);
        assertTrue(!markdown.contains("{@"));
    }
}
