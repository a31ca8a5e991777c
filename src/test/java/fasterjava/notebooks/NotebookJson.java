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
        // What the kernel reports when it starts, so a notebook opened and saved stays as committed (on this JDK).
        ObjectNode language = metadata.putObject("language_info");
        language.put("codemirror_mode", "java");
        language.put("file_extension", ".jshell");
        language.put("mimetype", "text/x-java-source");
        language.put("name", "java");
        language.put("nbconvert_exporter", "script");
        language.put("pygments_lexer", "java");
        language.put("version", Runtime.version().toString());
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
                // Lists as Markdown lists, closed by a blank line so the text after them is a paragraph again.
                .replaceAll("\\s*<ul>\\s*", "\n\n").replaceAll("\n?<li>\\s*", "\n- ")
                .replaceAll("\\s*</li>", "").replaceAll("\\s*</ul>\\s*", "\n\n")
                .replaceAll("<b>(.*?)</b>", "**$1**")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        String lead = markdown.replaceFirst("^Step \\d\\d — ", "");
        return "**" + Character.toUpperCase(lead.charAt(0)) + lead.substring(1).replaceFirst(":", ":**");
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** Writes {@code notebook} exactly as Jupyter saves it, so opening and saving it changes nothing. */
    static void write(Path file, JsonNode notebook) throws IOException {
        Files.writeString(file, nbformatText(notebook));
    }

    /**
     * The text nbformat writes for {@code notebook}: Python's {@code json.dumps(nb, sort_keys=True, indent=1,
     * ensure_ascii=False)} and a final newline. Hand-written because no Jackson printer sorts keys and indents
     * empty containers the way Python does, and a test round-trips every notebook through nbformat to check it.
     */
    static String nbformatText(JsonNode notebook) {
        StringBuilder out = new StringBuilder();
        append(out, notebook, 0);
        return out.append('\n').toString();
    }

    private static void append(StringBuilder out, JsonNode node, int depth) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            if (keys.isEmpty()) {
                out.append("{}");
                return;
            }
            keys.sort(null);
            out.append("{\n");
            for (int i = 0; i < keys.size(); i++) {
                out.append(" ".repeat(depth + 1));
                appendString(out, keys.get(i));
                out.append(": ");
                append(out, node.get(keys.get(i)), depth + 1);
                out.append(i < keys.size() - 1 ? ",\n" : "\n");
            }
            out.append(" ".repeat(depth)).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(" ".repeat(depth + 1));
                append(out, node.get(i), depth + 1);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            out.append(" ".repeat(depth)).append(']');
        } else if (node.isTextual()) {
            appendString(out, node.asText());
        } else {
            out.append(node.isNull() ? "null" : node.toString());
        }
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
