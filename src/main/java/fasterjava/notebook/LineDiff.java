package fasterjava.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A line diff (longest common subsequence) of two small texts, such as step N-1's and step N's source, rendered
 * as unified-diff text or coloured HTML with each file's own line numbers, so a profile's {@code correlate:79}
 * can be found in it. Quadratic in lines, which is nothing for files of a few hundred lines.
 */
public final class LineDiff {
    /**
     * One line of the diff: {@code ' '} kept, {@code '-'} only in the old text, {@code '+'} only in the new, or a
     * hunk header {@code '@'} ({@code @@ -old,count +new,count @@}).
     *
     * @param oldNumber 1-based line in the old text, 0 if the line is not there
     * @param newNumber 1-based line in the new text, 0 if the line is not there
     */
    public record Line(char kind, String text, int oldNumber, int newNumber) {
    }

    private LineDiff() {
    }

    public static List<Line> diff(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                lines.add(new Line(' ', before.get(i), ++i, ++j));
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                // Removals before additions, as unified diffs show them.
                lines.add(new Line('-', before.get(i), ++i, 0));
            } else {
                lines.add(new Line('+', after.get(j), 0, ++j));
            }
        }
        return lines;
    }

    /** The changed lines with {@code context} unchanged lines around each change, each hunk under its header. */
    public static List<Line> withContext(List<Line> lines, int context) {
        boolean[] keep = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() != ' ') {
                for (int j = Math.max(0, i - context); j <= Math.min(lines.size() - 1, i + context); j++) {
                    keep[j] = true;
                }
            }
        }
        List<Line> shown = new ArrayList<>();
        for (int start = 0; start < lines.size(); start++) {
            if (!keep[start]) {
                continue;
            }
            int end = start;
            while (end < lines.size() && keep[end]) {
                end++;
            }
            List<Line> hunk = lines.subList(start, end);
            shown.add(header(lines.subList(0, start), hunk));
            shown.addAll(hunk);
            start = end;
        }
        return shown;
    }

    /** Unified-diff numbering: an empty side starts at the line before it (0 at the top of the file). */
    private static Line header(List<Line> before, List<Line> hunk) {
        int oldStart = start(before, hunk, Line::oldNumber);
        int newStart = start(before, hunk, Line::newNumber);
        long oldCount = hunk.stream().filter(l -> l.oldNumber() > 0).count();
        long newCount = hunk.stream().filter(l -> l.newNumber() > 0).count();
        return new Line('@', "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@", 0, 0);
    }

    private static int start(List<Line> before, List<Line> hunk, ToIntFunction<Line> number) {
        return hunk.stream().mapToInt(number).filter(x -> x > 0).findFirst().orElseGet(() -> before.stream()
                .mapToInt(number).filter(x -> x > 0).max().orElse(0));
    }

    public static String toText(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line.kind() == '@' ? line.text() : line.kind() + " " + line.text())
                .append('\n'));
        return out.toString();
    }

    /**
     * Coloured HTML: a line number column (the new file's, or the old one's for a removed line), removed lines red,
     * added green, hunk headers blue.
     */
    public static String toHtml(String title, List<Line> lines) {
        StringBuilder out = new StringBuilder("<div><b>").append(escape(title)).append("</b>")
                .append("<pre style=\"font-size:12px;line-height:1.3\">");
        for (Line line : lines) {
            String style = switch (line.kind()) {
                case '+' -> "background:#e6ffec";
                case '-' -> "background:#ffebe9";
                case '@' -> "color:#0550ae;background:#ddf4ff";
                default -> "color:#555";
            };
            int number = line.kind() == '-' ? line.oldNumber() : line.newNumber();
            String gutter = line.kind() == '@' ? "    " : String.format("%4d", number);
            out.append("<span style=\"").append(style).append("\">")
                    .append("<span style=\"color:#999\">").append(gutter).append("</span> ")
                    .append(line.kind() == '@' ? "" : line.kind() + " ").append(escape(line.text()))
                    .append("</span>\n");
        }
        return out.append("</pre></div>").toString();
    }

    /** {@code text} as a collapsed block with its own line numbers, opened by a click on {@code summary}. */
    public static String collapsed(String summary, List<String> text) {
        StringBuilder out = new StringBuilder("<details><summary>").append(escape(summary)).append("</summary>")
                .append("<pre style=\"font-size:12px;line-height:1.3\">");
        for (int i = 0; i < text.size(); i++) {
            out.append("<span style=\"color:#999\">").append(String.format("%4d", i + 1)).append("</span>  ")
                    .append(escape(text.get(i))).append('\n');
        }
        return out.append("</pre></details>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
