package fasterjava.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two rules on the main sources, read from their text (package and import lines, and step class names): each
 * ladder step is one self-contained file, so no {@code StepNN} class names another; and no two packages depend
 * on each other, directly or round a longer cycle. A small reader of our own rather than a bytecode library: the
 * rules need only what the source says, and imports are how this code base names other packages.
 */
class DependencyRulesTest {
    private static final Path MAIN = ProjectPaths.root().resolve("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?(fasterjava(?:\\.[a-z]\\w*)+)\\.");
    private static final Pattern STEP_NAME = Pattern.compile("\\bStep\\d\\d[A-Z]\\w*");

    /**
     * Cycles present when this rule was written, outside the k-corrset packages it was written for; each is to be
     * broken and removed from here, and no new one may join them.
     */
    private static final List<String> KNOWN_CYCLES = List.of();

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void noStepNamesAnotherStep() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : sources()) {
            String name = file.getFileName().toString().replace(".java", "");
            if (!name.matches("Step\\d\\d[A-Z]\\w*")) {
                continue;
            }
            Matcher other = STEP_NAME.matcher(Files.readString(file));
            Set<String> named = new TreeSet<>();
            while (other.find()) {
                if (!other.group().equals(name)) {
                    named.add(other.group());
                }
            }
            if (!named.isEmpty()) {
                problems.add(MAIN.relativize(file) + " names " + named);
            }
        }
        assertEquals(List.of(), problems, "each step is one self-contained file: copy what it needs");
    }

    @Test
    void noPackageCycle() throws IOException {
        Map<String, Set<String>> uses = packageGraph(sources());
        assertEquals(KNOWN_CYCLES, cycles(uses), "packages that depend on each other: break a new cycle (move the "
                + "shared piece where both can use it); when a known one is gone, take it off KNOWN_CYCLES");
    }

    @Test
    void theCycleFinderFindsDirectAndLongerCycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a", "d"));
        graph.put("d", Set.of());
        graph.put("x", Set.of("y"));
        graph.put("y", Set.of("x"));
        assertEquals(List.of("a → b → c → a", "x → y → x"), cycles(graph));
        assertEquals(List.of(), cycles(Map.of("a", Set.of("b"), "b", Set.of())));
    }

    /** Each package to the other project packages its files import (classes in the same package need no import). */
    static Map<String, Set<String>> packageGraph(List<Path> files) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                continue;
            }
            Set<String> targets = uses.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
            Matcher imported = IMPORT.matcher(text);
            while (imported.find()) {
                if (!imported.group(1).equals(pkg.group(1))) {
                    targets.add(imported.group(1));
                }
            }
        }
        return uses;
    }

    /** One line per cycle ("a → b → a"), each found from its smallest package, in order. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        Set<String> reported = new TreeSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            List<String> path = shortestPathBack(graph, start);
            if (path != null) {
                List<String> members = new ArrayList<>(path.subList(0, path.size() - 1));
                if (members.stream().allMatch(m -> m.compareTo(start) >= 0)) {
                    reported.add(String.join(" → ", path));
                }
            }
        }
        return List.copyOf(reported);
    }

    /** The shortest path from {@code start} back to itself, as the packages along it; null if there is none. */
    private static List<String> shortestPathBack(Map<String, Set<String>> graph, String start) {
        Map<String, String> cameFrom = new TreeMap<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String node : frontier) {
                for (String target : graph.getOrDefault(node, Set.of())) {
                    if (target.equals(start)) {
                        List<String> path = new ArrayList<>();
                        for (String at = node; !at.equals(start); at = cameFrom.get(at)) {
                            path.add(0, at);
                        }
                        path.add(0, start);
                        path.add(start);
                        return path;
                    }
                    if (!cameFrom.containsKey(target) && !target.equals(start)) {
                        cameFrom.put(target, node);
                        next.add(target);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }
}
