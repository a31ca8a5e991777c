package fasterjava.notebooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.basics.Topic;
import fasterjava.basics.track.Topics;
import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the basics notebooks from the topic registry: an overview, then one notebook per topic whose prose
 * is the topic class's Javadoc. The Javadoc's last paragraph becomes the "What this means" section after the
 * measurement; the paragraphs before it introduce the claim and how it is measured. Prose states claims, never
 * measured numbers: those come out of the cells, so the two cannot contradict each other. Cells hold one-line
 * calls into {@code fasterjava.notebook.BasicsNotebook}.
 *
 * <p>{@link GeneratedNotebooksTest} fails when a committed notebook differs from what this produces; run it with
 * {@code -Dnotebooks.write=true} to rewrite them.
 */
final class BasicsNotebookBook {
    static final String TRACK = "basics";
    static final String OVERVIEW = "00-overview";
    private static final String OPEN = "import fasterjava.notebook.*;\n\nvar nb = BasicsNotebook.open();";

    private BasicsNotebookBook() {
    }

    /** File name (without directory) to notebook JSON, in reading order. */
    static Map<String, ObjectNode> notebooks() throws IOException {
        List<Topic> topics = Topics.all();
        List<String> names = new ArrayList<>();
        names.add(OVERVIEW);
        topics.forEach(t -> names.add(t.id()));
        Map<String, ObjectNode> books = new LinkedHashMap<>();
        books.put(OVERVIEW + ".ipynb", overview(topics, nav(names, 0)));
        for (int i = 0; i < topics.size(); i++) {
            books.put(names.get(i + 1) + ".ipynb", topic(topics.get(i), nav(names, i + 1)));
        }
        return books;
    }

    private static String nav(List<String> names, int index) {
        List<String> links = new ArrayList<>();
        if (index > 0) {
            links.add("[← " + names.get(index - 1) + "](" + names.get(index - 1) + ".ipynb)");
        }
        if (index != 0) {
            links.add("[overview](" + OVERVIEW + ".ipynb)");
        }
        if (index < names.size() - 1) {
            links.add("[" + names.get(index + 1) + " →](" + names.get(index + 1) + ".ipynb)");
        }
        return String.join(" · ", links);
    }

    private static ObjectNode overview(List<Topic> topics, String nav) {
        NotebookJson nb = new NotebookJson(TRACK + OVERVIEW);
        StringBuilder table = new StringBuilder("| # | topic | notebook |\n| --- | --- | --- |\n");
        for (Topic topic : topics) {
            table.append("| ").append(topic.number()).append(" | ").append(topic.title()).append(" | [")
                    .append(topic.id()).append("](").append(topic.id()).append(".ipynb) |\n");
        }
        nb.markdown("""
                # basics · 00 · overview

                %s

                **The track.** Performance fundamentals, each claim measured on this machine instead of quoted:
                how running time grows with the input (Big-O), what data structures cost, why building a string
                with `+=` is slow, how SIMD and boxing change a sum, and on to memory, threads, processes,
                asynchronous I/O and MapReduce. Each notebook states a claim, checks that the code it times
                computes the right thing (the `verified:` lines), measures, and charts what it measured.

                **How much work.** The environment variable `FASTER_SIZE` sets it: `tiny` (seconds per notebook;
                what the tests run: it checks everything but measures too briefly to trust), `small` (the
                default: under a minute per topic) or `full` (as far as the claim needs: minutes). Every notebook
                is also a command: `bin/faster basics <topic> --size small` prints the same table and writes
                `results/basics-<topic>.{csv,md,png}`.

                %s""".formatted(nav, table.toString().strip()));
        nb.code(OPEN);
        nb.markdown("The topics, as the registry in `src/main/java/fasterjava/basics/track/Topics.java` lists them:");
        nb.code("nb.topics();");
        nb.markdown("""
                Every timing in this track comes from `System.nanoTime()`. How finely it resolves on this machine
                decides how long a timed sample must last (topic 01 shows what happens when it is too short):""");
        nb.code("nb.timer();");
        nb.markdown("---\n" + nav);
        return nb.json();
    }

    private static ObjectNode topic(Topic topic, String nav) throws IOException {
        List<String> paragraphs = paragraphs(topic);
        String intro = String.join("\n\n", paragraphs.subList(0, paragraphs.size() - 1));
        String meaning = paragraphs.get(paragraphs.size() - 1);
        NotebookJson nb = new NotebookJson(TRACK + topic.id());
        nb.markdown("# basics · " + topic.number() + " · " + topic.title() + "\n\n" + nav + "\n\n" + intro);
        nb.code(OPEN);
        nb.markdown("""
                ## Verified, then measured

                The topic first checks that the code it times gives the right answer (the `verified:` lines; a
                wrong answer stops it before any timing), then measures, printing one line per measurement, and
                ends with its findings and table. At `FASTER_SIZE=tiny` it only checks that everything runs:
                the numbers need `small` or `full`.""");
        nb.code("var report = nb.run(\"" + topic.slug() + "\");");
        nb.markdown("## The chart\n\nWhat was measured above, drawn (one chart below the other where there "
                + "are several):");
        nb.code("nb.charts(\"" + topic.slug() + "\")");
        nb.markdown("## What this means\n\n" + meaning + "\n\nThe same measurement from a shell: `bin/faster basics "
                + topic.slug() + " --size full` (it also writes `results/basics-" + topic.slug()
                + ".{csv,md,png}`).");
        nb.markdown("---\n" + nav);
        return nb.json();
    }

    /** The topic class's Javadoc as Markdown paragraphs; there must be at least two. */
    static List<String> paragraphs(Topic topic) throws IOException {
        String markdown = NotebookJson.javadocMarkdown(Files.readString(sourceFile(topic)));
        List<String> paragraphs = Arrays.stream(markdown.split("\n\n")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        if (paragraphs.size() < 2) {
            throw new IllegalStateException(topic.getClass().getName() + ": the class Javadoc needs at least two "
                    + "paragraphs (the claim, and what the measurement means)");
        }
        return paragraphs.stream().map(p -> p.replace('\n', ' ')).toList();
    }

    static Path sourceFile(Topic topic) {
        return ProjectPaths.root().resolve("src/main/java").resolve(topic.getClass().getName().replace('.', '/')
                + ".java");
    }
}
