package fasterjava.basics.anagrams;

import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The words the anagram topic runs on: Debian's {@code wamerican} list ({@code /usr/share/dict/words}, about
 * 100,000 entries; {@code bin/test} installs it) when it is there, else the small sample committed in
 * {@code data/} (a few thousand words of the same list, with their copyright notice beside them).
 *
 * @param source the file read
 * @param words its lines, as they are
 */
public record WordList(Path source, List<String> words) {
    public static final Path SYSTEM_WORDS = Path.of("/usr/share/dict/words");
    public static final String SAMPLE_NAME = "words-sample.txt";

    /** The system's word list if readable, else the committed sample. */
    public static WordList load() {
        return load(Files.isReadable(SYSTEM_WORDS) ? SYSTEM_WORDS : sample());
    }

    public static Path sample() {
        return ProjectPaths.data().resolve(SAMPLE_NAME);
    }

    /** One word per line, UTF-8; an unreadable or undecodable file is an error naming it. */
    public static WordList load(Path file) {
        try {
            return new WordList(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the word list " + file, e);
        }
    }
}
