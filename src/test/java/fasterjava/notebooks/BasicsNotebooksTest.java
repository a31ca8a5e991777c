package fasterjava.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.basics.Topic;
import fasterjava.basics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed basics notebooks are exactly what {@link BasicsNotebookBook} generates: an overview plus one
 * notebook per registered topic, prose from each topic's Javadoc. With {@code -Dnotebooks.write=true} the test
 * rewrites them instead: {@code mvn -q test -Dtest=BasicsNotebooksTest -Dnotebooks.write=true}.
 */
class BasicsNotebooksTest {

    @Test
    void committedBasicsNotebooksMatchTheGenerator() throws IOException {
        Path dir = CommittedNotebooksTest.notebooksDir().resolve(BasicsNotebookBook.TRACK);
        Map<String, ObjectNode> expected = BasicsNotebookBook.notebooks();
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
                    "notebooks/basics/ must hold exactly the generated notebooks");
        }
        for (var entry : expected.entrySet()) {
            assertEquals(entry.getValue(), CorrsetNotebookBook.read(dir.resolve(entry.getKey())), entry.getKey()
                    + " differs from the generator: rerun with -Dnotebooks.write=true (see this test's Javadoc)");
        }
    }

    @Test
    void everyTopicHasTheProseItsNotebookNeeds() throws IOException {
        for (Topic topic : Topics.all()) {
            List<String> paragraphs = BasicsNotebookBook.paragraphs(topic);
            assertTrue(paragraphs.get(0).startsWith("**"), topic.id() + ": the first sentence names the topic "
                    + "before a colon: " + paragraphs.get(0));
            assertTrue(paragraphs.stream().noneMatch(p -> p.contains("{@")), topic.id() + ": Javadoc tag left");
        }
    }

    @Test
    void eachTopicNotebookRunsItsTopicAndShowsItsCharts() throws IOException {
        for (var entry : BasicsNotebookBook.notebooks().entrySet()) {
            if (entry.getKey().startsWith(BasicsNotebookBook.OVERVIEW)) {
                continue;
            }
            String slug = entry.getKey().replaceAll("^\\d\\d-|\\.ipynb$", "");
            String cells = entry.getValue().path("cells").toString();
            assertTrue(cells.contains("nb.run(\\\"" + slug + "\\\")"), entry.getKey());
            assertTrue(cells.contains("nb.charts(\\\"" + slug + "\\\")"), entry.getKey());
        }
    }
}
