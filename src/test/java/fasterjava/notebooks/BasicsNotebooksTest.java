package fasterjava.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.basics.Topic;
import fasterjava.basics.track.Topics;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the basics notebook generator needs of the topics (that the committed notebooks match it is
 * {@link GeneratedNotebooksTest}'s job).
 */
class BasicsNotebooksTest {

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
