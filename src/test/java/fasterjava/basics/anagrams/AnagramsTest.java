package fasterjava.basics.anagrams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both anagram finders give the same groups, and the groups the text's rules call for. */
class AnagramsTest {

    static List<List<String>> bothAgree(List<String> raw) {
        List<String> words = Anagrams.normalize(raw);
        List<List<String>> pairwise = Anagrams.sorted(Anagrams.pairwise(words));
        List<List<String>> canonical = Anagrams.sorted(Anagrams.canonical(words));
        assertEquals(canonical, pairwise, "pairwise and canonical differ on " + raw);
        return pairwise;
    }

    @Test
    void emptyAndSingleWordListsHaveNoGroups() {
        assertEquals(List.of(), bothAgree(List.of()));
        assertEquals(List.of(), bothAgree(List.of("listen")));
    }

    @Test
    void findsTheGroupsOfAKnownList() {
        List<String> raw = List.of("listen", "google", "silent", "enlist", "banana", "inlets", "elgoog", "tinsel",
                "a", "b", "a", "stop", "pots", "tops", "opts", "post", "spot", "abc");
        assertEquals(List.of(List.of("elgoog", "google"), List.of("enlist", "inlets", "listen", "silent", "tinsel"),
                List.of("opts", "post", "pots", "spot", "stop", "tops")), bothAgree(raw));
    }

    @Test
    void caseIsIgnoredAndOneWordInTwoCasesIsOneWord() {
        assertEquals(List.of(List.of("listen", "silent")), bothAgree(List.of("Listen", "SILENT")));
        assertEquals(List.of(), bothAgree(List.of("Polish", "polish")));
        assertEquals(List.of("polish"), Anagrams.normalize(List.of("Polish", "polish", " polish ")));
    }

    @Test
    void wordsWithAnythingButLettersAreLeftOut() {
        assertEquals(List.of("cant", "tanc"), Anagrams.normalize(List.of("can't", "cant", "Aaron's", "tanc",
                "re-enter", "éclair", "x2", "")));
        assertEquals(List.of(List.of("cant", "tanc")), bothAgree(List.of("can't", "cant", "tanc", "t'nac")));
    }

    @Test
    void lettersCountNotJustWhichLetters() {
        assertEquals(List.of(), bothAgree(List.of("aab", "abb", "ab")));
        assertEquals(List.of(List.of("aab", "aba", "baa")), bothAgree(List.of("aab", "abb", "aba", "baa")));
    }

    @Test
    void bothAgreeOnTheCommittedSample() {
        WordList sample = WordList.load(WordList.sample());
        assertTrue(sample.words().size() > 3_000, "sample of " + sample.words().size() + " lines");
        List<List<String>> groups = bothAgree(sample.words());
        // The sample was drawn to hold 300 of the list's anagram groups.
        assertTrue(groups.size() >= 300, groups.size() + " groups");
    }

    @Test
    void bothAgreeOnRandomWordsOfAFewLetters() {
        long seed = 7;
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                StringBuilder word = new StringBuilder();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    word.append((char) ('a' + random.nextInt(5)));
                }
                words.add(word.toString());
            }
            assertTrue(!bothAgree(words).isEmpty(), "seed " + seed + ", round " + round);
        }
    }

    @Test
    void pairwiseRefusesWordsThatAreNotNormalized() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Anagrams.pairwise(List.of("ok", "Not")));
        assertTrue(error.getMessage().contains("'Not'"), error.getMessage());
    }

    @Test
    void aMissingOrUndecodableWordListIsAnErrorNamingTheFile() {
        Path missing = Path.of("no/such/words.txt");
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> WordList.load(missing));
        assertTrue(error.getMessage().contains("no/such/words.txt"), error.getMessage());
        Path latin1 = Path.of("src/test/resources/fixtures/basics/words-latin1.txt").toAbsolutePath();
        UncheckedIOException encoding = assertThrows(UncheckedIOException.class, () -> WordList.load(latin1));
        assertTrue(encoding.getMessage().contains("words-latin1.txt: not UTF-8"), encoding.getMessage());
    }
}
