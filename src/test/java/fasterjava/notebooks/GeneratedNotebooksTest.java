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
 * The committed ladder notebooks are exactly what {@link LadderNotebookBook} generates for each journey: one per
 * registered step plus overview and summary, prose taken from each step's Javadoc, navigation links that match.
 * With {@code -Dnotebooks.write=true} the test rewrites them instead:
 * {@code mvn -q test -Dtest=GeneratedNotebooksTest -Dnotebooks.write=true}.
 */
class GeneratedNotebooksTest {

    static Stream<LadderBook> books() {
        return Stream.of(new CorrsetBook(), new VitalsBook());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void committedNotebooksMatchTheGenerator(LadderBook book) throws IOException {
        Path dir = CommittedNotebooksTest.notebooksDir().resolve(book.track());
        Map<String, ObjectNode> expected = LadderNotebookBook.notebooks(book);
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
                    "notebooks/" + book.track() + "/ must hold exactly the generated notebooks");
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
