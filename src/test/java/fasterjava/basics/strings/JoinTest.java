package fasterjava.basics.strings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every way to join gives the string the parts spell, whatever their number and length. */
class JoinTest {

    @Test
    void allWaysGiveTheSameString() {
        List<List<String>> cases = List.of(List.of(), List.of("a"), List.of("", ""), List.of("ab", "", "cde", "f"),
                StringsTopic.letters(2_000), List.of("ü", "日本", "\uD83D\uDE00"));
        for (List<String> parts : cases) {
            StringBuilder expected = new StringBuilder();
            parts.forEach(expected::append);
            for (Join join : Join.values()) {
                assertEquals(expected.toString(), join.apply(parts), join.slug() + " of " + parts.size() + " parts");
            }
        }
    }

    @Test
    void curveNamesAreTheDocumentedOnes() {
        assertEquals(List.of("reduce-concat", "plus-equals", "string-builder", "string-join", "collectors-joining"),
                java.util.Arrays.stream(Join.values()).map(Join::slug).toList());
    }

    @Test
    void lettersAreSeededOneLetterStrings() {
        List<String> letters = StringsTopic.letters(500);
        assertEquals(letters, StringsTopic.letters(500));
        assertEquals(500, letters.size());
        letters.forEach(l -> assertEquals(1, l.length()));
        Consumer<String> ignore = line -> {
        };
        StringsTopic.verify(ignore);
    }
}
