package fasterjava.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed k-corrset notebooks are exactly what {@link CorrsetNotebookBook} generates: one per registered
 * step plus overview and summary, prose taken from each step's Javadoc, navigation links that match. With
 * {@code -Dnotebooks.write=true} the test rewrites them instead:
 * {@code mvn -q test -Dtest=GeneratedNotebooksTest -Dnotebooks.write=true}.
 */
class GeneratedNotebooksTest {

    @Test
    void committedCorrsetNotebooksMatchTheGenerator() throws IOException {
        Path dir = CommittedNotebooksTest.notebooksDir().resolve(CorrsetNotebookBook.TRACK);
        Map<String, ObjectNode> expected = CorrsetNotebookBook.notebooks();
        if (Boolean.getBoolean("notebooks.write")) {
            Files.createDirectories(dir);
            for (var entry : expected.entrySet()) {
                CorrsetNotebookBook.write(dir.resolve(entry.getKey()), entry.getValue());
            }
        }
        try (var files = Files.list(dir)) {
            List<String> present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
                    .sorted().toList();
            assertEquals(expected.keySet().stream().sorted().toList(), present,
                    "notebooks/corrset/ must hold exactly the generated notebooks");
        }
        for (var entry : expected.entrySet()) {
            assertEquals(entry.getValue(), CorrsetNotebookBook.read(dir.resolve(entry.getKey())), entry.getKey()
                    + " differs from the generator: rerun with -Dnotebooks.write=true (see this test's Javadoc)");
        }
    }

    @Test
    void javadocBecomesMarkdown() {
        String markdown = CorrsetNotebookBook.javadocMarkdown("""
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
