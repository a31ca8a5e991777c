package fasterjava.basics.mapreduce;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Word and character counts of a text with a plain single-threaded loop: the oracle the Spark jobs are checked
 * against, and the one-machine time they are compared with. A word is a maximal run of characters other than space
 * and line end; the characters counted are those of the words.
 *
 * @param words occurrences of each word
 * @param characters occurrences of each character, as one-character strings
 * @param totalWords all word occurrences
 */
public record PlainCounts(Map<String, Long> words, Map<String, Long> characters, long totalWords) {
    public PlainCounts {
        words = Map.copyOf(words);
        characters = Map.copyOf(characters);
    }

    /** Counts {@code file}'s words and characters (read as UTF-8) in one pass. */
    public static PlainCounts of(Path file) throws IOException {
        Map<String, long[]> words = new HashMap<>();
        long[] characters = new long[Character.MAX_VALUE + 1];
        long total = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int start = 0;
                while (start < line.length()) {
                    int end = line.indexOf(' ', start);
                    if (end < 0) {
                        end = line.length();
                    }
                    if (end > start) {
                        words.computeIfAbsent(line.substring(start, end), w -> new long[1])[0]++;
                        total++;
                        for (int i = start; i < end; i++) {
                            characters[line.charAt(i)]++;
                        }
                    }
                    start = end + 1;
                }
            }
        }
        Map<String, Long> wordCounts = new HashMap<>(words.size() * 2);
        words.forEach((word, count) -> wordCounts.put(word, count[0]));
        Map<String, Long> characterCounts = new TreeMap<>();
        for (int c = 0; c < characters.length; c++) {
            if (characters[c] > 0) {
                characterCounts.put(String.valueOf((char) c), characters[c]);
            }
        }
        return new PlainCounts(wordCounts, characterCounts, total);
    }
}
