package fasterjava.basics.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle of the MapReduce topic, against counts worked by hand. */
class PlainCountsTest {
    @TempDir
    Path dir;

    @Test
    void countsWordsAndTheirCharacters() throws Exception {
        Path file = dir.resolve("text.txt");
        Files.writeString(file, "the cat saw the dog\nthe  end\n\nok\n");
        PlainCounts counts = PlainCounts.of(file);
        assertEquals(Map.of("the", 3L, "cat", 1L, "saw", 1L, "dog", 1L, "end", 1L, "ok", 1L), counts.words());
        assertEquals(8, counts.totalWords());
        // the x3, cat, saw, dog, end, ok
        assertEquals(Map.ofEntries(Map.entry("t", 4L), Map.entry("h", 3L), Map.entry("e", 4L), Map.entry("c", 1L),
                Map.entry("a", 2L), Map.entry("s", 1L), Map.entry("w", 1L), Map.entry("d", 2L), Map.entry("o", 2L),
                Map.entry("g", 1L), Map.entry("n", 1L), Map.entry("k", 1L)), counts.characters());
    }

    @Test
    void anEmptyFileHasNoWords() throws Exception {
        Path file = dir.resolve("empty.txt");
        Files.writeString(file, "");
        PlainCounts counts = PlainCounts.of(file);
        assertEquals(0, counts.totalWords());
        assertEquals(Map.of(), counts.words());
        assertEquals(Map.of(), counts.characters());
    }
}
