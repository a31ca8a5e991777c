package fasterjava.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void keepsCommonLinesAndMarksChanges() {
        List<LineDiff.Line> diff = LineDiff.diff(List.of("a", "b", "c", "d"), List.of("a", "c", "x", "d"));
        assertEquals("  a\n- b\n  c\n+ x\n  d\n", LineDiff.toText(diff));
    }

    @Test
    void identicalTextsHaveNoChangesAndEmptyContext() {
        List<LineDiff.Line> diff = LineDiff.diff(List.of("a", "b"), List.of("a", "b"));
        assertTrue(diff.stream().allMatch(l -> l.kind() == ' '));
        assertEquals(List.of(), LineDiff.withContext(diff, 3));
    }

    @Test
    void contextTrimsFarAwayLinesWithAGapMarker() {
        List<String> before = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
        List<String> after = List.of("1", "2", "3", "4", "5", "6", "7", "8", "nine");
        String text = LineDiff.toText(LineDiff.withContext(LineDiff.diff(before, after), 1));
        assertEquals("@@ -8,2 +8,2 @@\n  8\n- 9\n+ nine\n", text);
        List<String> both = List.of("x", "2", "3", "4", "5", "6", "7", "8", "y");
        String gapped = LineDiff.toText(LineDiff.withContext(LineDiff.diff(before, both), 1));
        assertEquals("@@ -1,2 +1,2 @@\n- 1\n+ x\n  2\n@@ -8,2 +8,2 @@\n  8\n- 9\n+ y\n", gapped);
    }

    @Test
    void anEmptySideStartsAtTheLineBeforeIt() {
        List<String> before = List.of("1", "2", "3", "4", "5", "6");
        List<String> inserted = List.of("1", "2", "3", "4", "5", "6", "7");
        assertEquals("@@ -6,0 +7,1 @@\n+ 7\n",
                LineDiff.toText(LineDiff.withContext(LineDiff.diff(before, inserted), 0)));
        List<String> removed = List.of("1", "2", "3", "4", "6");
        assertEquals("@@ -5,1 +4,0 @@\n- 5\n",
                LineDiff.toText(LineDiff.withContext(LineDiff.diff(before, removed), 0)));
        assertEquals("@@ -0,0 +1,1 @@\n+ 0\n", LineDiff.toText(LineDiff.withContext(
                LineDiff.diff(before, List.of("0", "1", "2", "3", "4", "5", "6")), 0)));
    }

    @Test
    void htmlNumbersLinesWithTheFilesOwnNumbers() {
        List<LineDiff.Line> diff = LineDiff.withContext(LineDiff.diff(List.of("a", "b", "c"), List.of("a", "c", "d")),
                0);
        String html = LineDiff.toHtml("t", diff);
        assertTrue(html.contains("   2</span> - b"), html);
        assertTrue(html.contains("   3</span> + d"), html);
        assertTrue(html.contains("@@ -2,1 "), html);
    }

    @Test
    void htmlEscapesSource() {
        String html = LineDiff.toHtml("t", LineDiff.diff(List.of(), List.of("List<String> a = b && c;")));
        assertTrue(html.contains("List&lt;String&gt; a = b &amp;&amp; c;"), html);
    }
}
