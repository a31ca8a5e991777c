package fasterjava.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.basics.track.Topics;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry lists every topic class once, in reading order, under names the CLI and notebooks can use. */
class TopicsTest {

    @Test
    void everyTopicClassIsRegistered() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Topics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve("fasterjava/basics"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.')
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (Topic.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(name);
                }
            }
        }
        assertTrue(found.size() >= 5, "expected at least the five topics 01-05, found " + found);
        Set<String> registered = Topics.all().stream().map(t -> t.getClass().getName()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(registered);
        assertEquals(Set.of(), missing, "Topic classes not listed in Topics.all()");
    }

    @Test
    void numbersIncreaseAndNamesAreUniqueSlugs() {
        List<Topic> all = Topics.all();
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Topic topic = all.get(i);
            assertTrue(topic.number().matches("\\d\\d"), topic.id());
            assertTrue(topic.slug().matches("[a-z0-9]+(-[a-z0-9]+)*"), topic.id());
            assertTrue(slugs.add(topic.slug()), "duplicate slug " + topic.slug());
            assertTrue(!topic.title().isBlank(), topic.id());
            if (i > 0) {
                assertTrue(topic.number().compareTo(all.get(i - 1).number()) > 0, topic.id() + " out of order");
            }
        }
        assertEquals(List.of("growth", "collections", "strings", "anagrams", "simd"),
                all.stream().map(Topic::slug).limit(5).toList());
    }

    @Test
    void findTakesSlugNumberOrId() {
        Topic strings = Topics.find("strings");
        assertSame(strings, Topics.find("03"));
        assertSame(strings, Topics.find("3"));
        assertSame(strings, Topics.find("03-strings"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Topics.find("nope"));
        assertTrue(unknown.getMessage().contains("growth, collections"), unknown.getMessage());
    }
}
