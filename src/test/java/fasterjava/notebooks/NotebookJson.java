package fasterjava.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one nbformat 4.5 notebook for the project kernel, with deterministic cell ids, and the helpers every
 * notebook generator shares: class Javadoc as Markdown, navigation links, reading and writing.
 */
final class NotebookJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLASS_JAVADOC = Pattern.compile(
            "/\\*\\*(.*?)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public (?:final )?(?:class|interface|enum|record)",
            Pattern.DOTALL);

    static final String EXERCISE_TAG = "exercise";

    private final String name;
    private final ArrayNode cells = JSON.createArrayNode();

    NotebookJson(String name) {
        this.name = name;
    }

    void markdown(String text) {
        cell("markdown", text);
    }

    void code(String text) {
        ObjectNode cell = cell("code", text);
        cell.putNull("execution_count");
        cell.putArray("outputs");
    }

    /**
     * A code cell a learner edits, tagged {@value #EXERCISE_TAG}: the one kind of cell that may declare a class
     * ({@link CommittedNotebooksTest} checks every other cell).
     */
    void exercise(String text) {
        code(text);
        ((ObjectNode) cells.get(cells.size() - 1).get("metadata")).putArray("tags").add(EXERCISE_TAG);
    }

    private ObjectNode cell(String type, String text) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", type);
        String stem = name.replaceAll("[^a-z0-9]", "");
        cell.put("id", stem.substring(0, Math.min(8, stem.length())) + "-" + cells.size());
        cell.putObject("metadata");
        ArrayNode lines = cell.putArray("source");
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            lines.add(i < split.length - 1 ? split[i] + "\n" : split[i]);
        }
        return cell;
    }

    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.set("cells", cells);
        ObjectNode metadata = root.putObject("metadata");
        ObjectNode kernel = metadata.putObject("kernelspec");
        kernel.put("display_name", "Java 25 (faster-java)");
        kernel.put("language", "java");
        kernel.put("name", CommittedNotebooksTest.KERNEL);
        metadata.putObject("language_info").put("name", "java");
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return root;
    }

    /**
     * Links to the previous notebook, the overview and the next one, for the notebook at {@code index} of
     * {@code names} (file names without {@code .ipynb}, the overview first).
     */
    static String nav(List<String> names, int index) {
        List<String> links = new ArrayList<>();
        if (index > 0) {
            links.add("[← " + names.get(index - 1) + "](" + names.get(index - 1) + ".ipynb)");
        }
        if (index != 0) {
            links.add("[overview](" + names.get(0) + ".ipynb)");
        }
        if (index < names.size() - 1) {
            links.add("[" + names.get(index + 1) + " →](" + names.get(index + 1) + ".ipynb)");
        }
        return String.join(" · ", links);
    }

    /**
     * The class Javadoc of {@code source} as Markdown: {@code code} spans, links as code, paragraphs kept, a
     * leading "Step NN — " dropped and the first sentence's lead (up to its colon) in bold.
     */
    static String javadocMarkdown(String source) {
        Matcher matcher = CLASS_JAVADOC.matcher(source);
        if (!matcher.find()) {
            throw new IllegalStateException("no class Javadoc");
        }
        StringBuilder text = new StringBuilder();
        for (String line : matcher.group(1).split("\n")) {
            String stripped = line.strip();
            stripped = stripped.startsWith("*") ? stripped.substring(1).strip() : stripped;
            if (stripped.startsWith("@param")) {
                break;
            }
            text.append(stripped).append('\n');
        }
        String markdown = text.toString().strip()
                .replaceAll("\\{@(?:code|literal) ([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}", "`$1`")
                .replaceAll("\\{@link(?:plain)? #?([^}\\s]+)(?: [^}]*)?\\}", "`$1`")
                .replaceAll("\\s*<p>\\s*", "\n\n")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        String lead = markdown.replaceFirst("^Step \\d\\d — ", "");
        return "**" + Character.toUpperCase(lead.charAt(0)) + lead.substring(1).replaceFirst(":", ":**");
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    static void write(Path file, JsonNode notebook) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(notebook) + "\n");
    }
}
