package fasterjava.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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
                        new Track(ExerciseCells.TRACK, ExerciseCells::solutions)));
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
            assertEquals(withoutKernelVersion(entry.getValue()), withoutKernelVersion(NotebookJson.read(
                    dir.resolve(entry.getKey()))), entry.getKey()
                    + " differs from the generator: rerun with -Dnotebooks.write=true (see this test's Javadoc)");
        }
    }

    /** The JDK version the kernel reports differs between machines; everything else must match. */
    private static JsonNode withoutKernelVersion(JsonNode notebook) {
        JsonNode copy = notebook.deepCopy();
        ((ObjectNode) copy.path("metadata").path("language_info")).remove("version");
        return copy;
    }

    @Test
    void notebooksAreWrittenExactlyAsNbformatWritesThem() throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", """
                import sys
                try:
                    import nbformat
                except ImportError:
                    sys.exit(3)
                for name in sys.argv[1:]:
                    with open(name, encoding="utf-8") as f:
                        text = f.read()
                    if nbformat.writes(nbformat.reads(text, as_version=4)) + "\\n" != text:
                        print(name)
                """));
        CommittedNotebooksTest.committedNotebooks().forEach(p -> command.add(p.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String changed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Assumptions.assumeTrue(exit != 3, "Python has no nbformat");
        assertEquals(0, exit, changed);
        assertEquals("", changed, "nbformat would rewrite these notebooks on saving: regenerate them");
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

    @Test
    void javadocListsAndBoldBecomeMarkdownThatEndsTheList() {
        String markdown = NotebookJson.javadocMarkdown("""
                /**
                 * Step 10 — fused: one loop.
                 *
                 * <p><b>Why it is faster.</b> Three details:
                 * <ul>
                 *   <li>One. Still one.</li>
                 *   <li>Two.</li>
                 * </ul>
                 * After the list.
                 */
                public final class Step10 {""");
        assertEquals("**Fused:** one loop.\n\n**Why it is faster.** Three details:\n\n- One. Still one.\n- Two.\n\n"
                + "After the list.", markdown);
    }
}
