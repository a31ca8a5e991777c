package fasterjava.basics.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.basics.Size;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipfCorpusTest {
    @TempDir
    Path dir;

    @Test
    void theSameParametersWriteTheSameBytes() throws Exception {
        ZipfCorpus corpus = new ZipfCorpus(5_000, 500, 1.0, 7);
        corpus.write(dir.resolve("a.txt"));
        corpus.write(dir.resolve("b.txt"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.txt")), Files.readAllBytes(dir.resolve("b.txt")));
        new ZipfCorpus(5_000, 500, 1.0, 8).write(dir.resolve("c.txt"));
        assertNotEquals(Files.readString(dir.resolve("a.txt")), Files.readString(dir.resolve("c.txt")));
    }

    @Test
    void theCorpusGetsTheUmasksPermissionsAndLeavesNoTemporaryFile() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        new ZipfCorpus(1_000, 100, 1.0, 7).write(dir.resolve("corpus.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("corpus.txt")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("corpus.txt", "plain.txt"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void linesHoldTwelveWordsOfTheDictionary() throws Exception {
        ZipfCorpus corpus = new ZipfCorpus(1_000, 300, 1.0, 42);
        Path file = dir.resolve("text.txt");
        corpus.write(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(1_000 / ZipfCorpus.WORDS_PER_LINE + 1, lines.size());
        var dictionary = new HashSet<>(corpus.dictionary());
        long words = 0;
        for (String line : lines) {
            String[] parts = line.split(" ", -1);
            assertTrue(parts.length <= ZipfCorpus.WORDS_PER_LINE, line);
            for (String word : parts) {
                assertTrue(dictionary.contains(word), word);
                words++;
            }
        }
        assertEquals(1_000, words);
        assertTrue(Files.readString(file).endsWith("\n"));
    }

    @Test
    void theDictionaryIsDistinctWordsShortestAtTheTop() {
        List<String> dictionary = new ZipfCorpus(10, 2_000, 1.0, 42).dictionary();
        assertEquals(2_000, dictionary.size());
        assertEquals(2_000, new HashSet<>(dictionary).size());
        assertTrue(dictionary.getFirst().length() <= 3, dictionary.getFirst());
        assertTrue(dictionary.getLast().length() >= 8, dictionary.getLast());
        assertTrue(dictionary.stream().allMatch(w -> w.matches("[a-z]+")));
    }

    /** Zipf's law: the top word is about twice as frequent as the second, and far more than rank 100. */
    @Test
    void frequenciesFollowZipfsLaw() throws Exception {
        ZipfCorpus corpus = new ZipfCorpus(200_000, 1_000, 1.0, 42);
        Path file = dir.resolve("zipf.txt");
        corpus.write(file);
        Map<String, Long> counts = PlainCounts.of(file).words();
        List<String> dictionary = corpus.dictionary();
        double first = counts.get(dictionary.get(0));
        double second = counts.get(dictionary.get(1));
        double hundredth = counts.get(dictionary.get(99));
        assertEquals(2.0, first / second, 0.15);
        assertEquals(100.0, first / hundredth, 20.0);
    }

    @Test
    void sizesGrowAndLiveInTheGeneratedFolder() {
        assertTrue(ZipfCorpus.of(Size.TINY).words() < ZipfCorpus.of(Size.SMALL).words());
        assertTrue(ZipfCorpus.of(Size.SMALL).words() < ZipfCorpus.of(Size.FULL).words());
        Path file = ZipfCorpus.of(Size.TINY).defaultFile();
        assertEquals("generated", file.getParent().getFileName().toString());
        assertTrue(file.getFileName().toString().contains("seed42"), file.toString());
    }

    @Test
    void impossibleParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ZipfCorpus(0, 10, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ZipfCorpus(10, 0, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ZipfCorpus(10, 10, Double.NaN, 1));
    }
}
