package fasterjava.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a committed notebook must look like: no outputs (they are produced by {@code bin/notebooks test}, never
 * committed), the project kernel, a {@code <track>/NN-slug.ipynb} name with numbers never reused, and only prose
 * and calls into {@code src/}: no class or method declarations (except in cells tagged as exercises, where a
 * learner writes a step), no magics.
 */
class CommittedNotebooksTest {
    static final String KERNEL = "faster-java";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*/(\\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*"
            + "\\.ipynb");
    private static final String MODIFIERS =
            "(?:(?:public|protected|private|abstract|static|final|sealed|non-sealed|strictfp|synchronized|native"
                    + "|default)\\s+)*";
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?m)^\\s*" + MODIFIERS + "(?:class|interface|enum|record|@interface)\\s+[A-Za-z_$][\\w$]*");
    /** A return type (not a statement keyword), a name (not a keyword), parameters, then a body. */
    private static final Pattern METHOD_DECLARATION = Pattern.compile(
            "(?m)^\\s*" + MODIFIERS + "(?:<[^>]*>\\s*)?"
                    + "(?!(?:new|return|else|throw|case|yield|class|record|interface|enum)\\b)"
                    + "[A-Za-z_$][\\w$.]*(?:<[^;{}()=]*>)?(?:\\[\\])*\\s+"
                    + "(?!(?:if|for|while|switch|catch|synchronized|try)\\b)[A-Za-z_$][\\w$]*\\s*\\([^;{}]*\\)"
                    + "\\s*(?:throws\\s+[\\w$., ]+)?\\{");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path notebooksDir() {
        return ProjectPaths.root().resolve("notebooks");
    }

    static List<Path> committedNotebooks() throws IOException {
        try (Stream<Path> files = Files.walk(notebooksDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                    .sorted()
                    .toList();
        }
    }

    static String source(JsonNode cell) {
        JsonNode source = cell.path("source");
        if (source.isArray()) {
            StringBuilder text = new StringBuilder();
            source.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return source.asText();
    }

    /** Cell source with string literals, text blocks and comments blanked, so their content cannot match. */
    static String codeOnly(String source) {
        return source.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                .replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"")
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\\n]*", "");
    }

    /** Declarations a notebook cell must not hold (classes and methods belong in src/). */
    static List<String> declarations(String source) {
        List<String> found = new ArrayList<>();
        String code = codeOnly(source);
        for (Pattern pattern : List.of(TYPE_DECLARATION, METHOD_DECLARATION)) {
            Matcher matcher = pattern.matcher(code);
            while (matcher.find()) {
                found.add(matcher.group().strip());
            }
        }
        return found;
    }

    @Test
    void thereAreNotebooks() throws IOException {
        assertFalse(committedNotebooks().isEmpty(), "no notebooks found under " + notebooksDir());
    }

    @Test
    void committedNotebooksCarryNoOutputs() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path notebook : committedNotebooks()) {
            JsonNode cells = JSON.readTree(notebook.toFile()).path("cells");
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                if (!"code".equals(cell.path("cell_type").asText())) {
                    continue;
                }
                if (!cell.path("outputs").isEmpty()) {
                    problems.add(name(notebook) + " cell " + (i + 1) + " has outputs");
                }
                if (!cell.path("execution_count").isNull() && !cell.path("execution_count").isMissingNode()) {
                    problems.add(name(notebook) + " cell " + (i + 1) + " has an execution count");
                }
            }
        }
        assertEquals(List.of(), problems, "clear them with 'bin/notebooks strip' before committing");
    }

    @Test
    void notebooksUseTheProjectKernel() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path notebook : committedNotebooks()) {
            String kernel = JSON.readTree(notebook.toFile()).path("metadata").path("kernelspec").path("name").asText();
            if (!KERNEL.equals(kernel)) {
                problems.add(name(notebook) + " uses kernel '" + kernel + "'");
            }
        }
        assertEquals(List.of(), problems, "notebooks must name the project kernel '" + KERNEL + "'");
    }

    @Test
    void notebooksAreNamedTrackSlashNumberSlugAndNumbersAreNotReused() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path notebook : committedNotebooks()) {
            String name = name(notebook);
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                problems.add(name + " is not notebooks/<track>/NN-slug.ipynb");
                continue;
            }
            String key = name.substring(0, name.indexOf('/')) + "/" + matcher.group(1);
            String previous = seen.put(key, name);
            if (previous != null) {
                problems.add(name + " reuses the number of " + previous);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void cellsHoldNoDeclarationsAndNoMagics() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path notebook : committedNotebooks()) {
            JsonNode cells = JSON.readTree(notebook.toFile()).path("cells");
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                if (!"code".equals(cell.path("cell_type").asText())) {
                    continue;
                }
                String source = source(cell);
                for (String declaration : isExercise(cell) ? List.<String>of() : declarations(source)) {
                    problems.add(name(notebook) + " cell " + (i + 1) + " declares: " + declaration);
                }
                if (source.lines().anyMatch(line -> line.stripLeading().startsWith("%"))) {
                    problems.add(name(notebook) + " cell " + (i + 1) + " uses a magic (the kernel already has the "
                            + "project's class path)");
                }
            }
        }
        assertEquals(List.of(), problems, "classes and methods belong in src/, notebooks call them");
    }

    /** A cell a learner edits ("Your turn", solutions): tagged so, it may declare the learner's step class. */
    static boolean isExercise(JsonNode cell) {
        for (JsonNode tag : cell.path("metadata").path("tags")) {
            if (NotebookJson.EXERCISE_TAG.equals(tag.asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void onlyCellsTaggedAsExercisesMayDeclare() throws IOException {
        JsonNode tagged = JSON.readTree("{\"cell_type\":\"code\",\"metadata\":{\"tags\":[\"exercise\"]}}");
        JsonNode other = JSON.readTree("{\"cell_type\":\"code\",\"metadata\":{\"tags\":[\"other\"]}}");
        JsonNode untagged = JSON.readTree("{\"cell_type\":\"code\",\"metadata\":{}}");
        assertTrue(isExercise(tagged));
        assertFalse(isExercise(other));
        assertFalse(isExercise(untagged));
    }

    @Test
    void declarationCheckFindsClassesAndMethodsButNotCalls() {
        assertEquals(1, declarations("record Pair(int a, int b) {}").size());
        assertEquals(1, declarations("static final class Helper {\n}").size());
        assertEquals(1, declarations("enum Mode { FAST, SLOW }").size());
        assertEquals(1, declarations("double mean(int[] xs) {\n  return 0;\n}").size());
        assertEquals(1, declarations("static <T> List<T> twice(List<T> xs) throws IOException {").size());
        assertEquals(1, declarations("public String describe() {").size());
        assertTrue(declarations("""
                var scores = ScoresLoader.load(StandardData.SAMPLE.path());
                for (int q = 0; q < 3; q++) {
                    System.out.println("class Foo {" + q); // record Bar(int x) {}
                }
                if (scores.rowCount() > 0) {
                } else if (true) {
                }
                try (var in = Files.newInputStream(path)) {
                } catch (IOException e) {
                }
                new Thread(() -> {
                }).start();
                chart.addSeries("sample", questions, questions.stream().map(q -> q * 2).toList());
                synchronized (lock) {
                }
                """).isEmpty(), "ordinary statements are not declarations");
    }

    private static String name(Path notebook) {
        return notebooksDir().relativize(notebook).toString().replace('\\', '/');
    }
}
