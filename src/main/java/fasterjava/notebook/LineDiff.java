package fasterjava.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (longest common subsequence) of two small texts, such as step N-1's and step N's source, rendered
 * as unified-diff text or coloured HTML. Quadratic in lines, which is nothing for files of a few hundred lines.
 */
public final class LineDiff {
    /** One line of the diff: {@code ' '} kept, {@code '-'} only in the old text, {@code '+'} only in the new. */
    public record Line(char kind, String text) {
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
                lines.add(new Line(' ', before.get(i++)));
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                // Removals before additions, as unified diffs show them.
                lines.add(new Line('-', before.get(i++)));
            } else {
                lines.add(new Line('+', after.get(j++)));
            }
        }
        return lines;
    }

    /** Only the changed lines with {@code context} unchanged lines around each change; gaps shown as "...". */
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
        boolean gap = false;
        for (int i = 0; i < lines.size(); i++) {
            if (keep[i]) {
                if (gap && !shown.isEmpty()) {
                    shown.add(new Line(' ', "..."));
                }
                shown.add(lines.get(i));
                gap = false;
            } else {
                gap = true;
            }
        }
        return shown;
    }

    public static String toText(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line.kind()).append(' ').append(line.text()).append('\n'));
        return out.toString();
    }

    public static String toHtml(String title, List<Line> lines) {
        StringBuilder out = new StringBuilder("<div><b>").append(escape(title)).append("</b>")
                .append("<pre style=\"font-size:12px;line-height:1.3\">");
        for (Line line : lines) {
            String style = switch (line.kind()) {
                case '+' -> "background:#e6ffec";
                case '-' -> "background:#ffebe9";
                default -> "color:#555";
            };
            out.append("<span style=\"").append(style).append("\">").append(line.kind()).append(' ')
                    .append(escape(line.text())).append("</span>\n");
        }
        return out.append("</pre></div>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
