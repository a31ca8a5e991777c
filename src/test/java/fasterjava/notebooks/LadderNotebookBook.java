package fasterjava.notebooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.ladder.Rung;
import fasterjava.notebook.LadderNotebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a ladder's notebooks: the journey's overview, one notebook per step, its summary. Each step notebook's
 * prose is its class's Javadoc (what changed, why faster, what it costs), so the two never drift apart; the
 * navigation links are generated too; cells are one-line calls into {@code fasterjava.notebook}.
 *
 * <p>{@link GeneratedNotebooksTest} fails when a committed notebook differs from what this produces; run it with
 * {@code -Dnotebooks.write=true} to rewrite them.
 */
final class LadderNotebookBook {
    static final String OVERVIEW = "00-overview";
    static final String SUMMARY = "99-summary";

    private LadderNotebookBook() {
    }

    /** File name (without directory) to notebook JSON, in reading order. */
    static Map<String, ObjectNode> notebooks(LadderBook book) throws IOException {
        List<? extends Rung<?, ?>> rungs = book.journey().ladder().rungs();
        List<String> names = new ArrayList<>();
        names.add(OVERVIEW);
        rungs.forEach(r -> names.add(r.id()));
        names.add(SUMMARY);
        Map<String, ObjectNode> books = new LinkedHashMap<>();
        books.put(names.get(0) + ".ipynb", book.overview(NotebookJson.nav(names, 0)));
        for (int i = 0; i < rungs.size(); i++) {
            books.put(names.get(i + 1) + ".ipynb", step(book, rungs, i, NotebookJson.nav(names, i + 1)));
        }
        books.put(SUMMARY + ".ipynb", book.summary(NotebookJson.nav(names, names.size() - 1)));
        return books;
    }

    /** The prose before every timing cell: what is verified, and which figures a run at each size shows. */
    static String timingIntro(String unit) {
        return """
                ## Verified, then timed

                The harness computes the baseline's reference %1$ss, checks each step up to this one against
                them (any difference stops the run before that step is timed), then grows each run until it is
                long enough to measure and keeps the best of several runs. The progress line ticks each step off
                as it is verified; the table's *verified here* column says the same.

                Which figures the table shows depends on the size. At `small` and `full` they are this run's,
                measured here. At `tiny` (what the tests run) the runs last milliseconds: too short for steady
                numbers, so they only check, and the table shows this machine's last `small` or `full` run from
                `results/`, or else the README's reference run, with its source in the caption. A step slower
                than the one before it is flagged with ⚠ at any size: the step's Javadoc above says when that is
                expected (a different algorithm, a thread pool at a small size).""".formatted(unit);
    }

    private static ObjectNode step(LadderBook book, List<? extends Rung<?, ?>> rungs, int index, String nav)
            throws IOException {
        Rung<?, ?> rung = rungs.get(index);
        Path source = LadderNotebook.sourceFile(book.journey(), rung);
        String number = rung.number();
        String unit = book.journey().ladder().unit();
        NotebookJson nb = new NotebookJson(rung.id());
        nb.markdown("# " + book.title() + " · " + number + " · " + rung.title() + "\n\n" + nav + "\n\n"
                + NotebookJson.javadocMarkdown(Files.readString(source)) + "\n\n" + book.published(rung.id()));
        nb.code(book.openCell());
        if (index == 0) {
            nb.markdown("""
                    ## The code

                    The whole step, as it is in `src/main/java/%s/%s`:"""
                    .formatted(book.journey().stepPackage().replace('.', '/'), source.getFileName()));
        } else {
            nb.markdown("""
                    ## What changed in the code

                    `%s` against step %s's source: removed lines in red, added in green, three lines of context."""
                    .formatted(source.getFileName(), rungs.get(index - 1).number()));
        }
        nb.code("nb.diff(\"" + number + "\")");
        if (index == 0) {
            nb.markdown("""
                    ## Where the time goes

                    A Java Flight Recorder profile of this step: samples by the line of the step that was running
                    (including what it called), then by the method on top of the stack. This is what step %s
                    attacks.""".formatted(rungs.get(1).number()));
            nb.code("nb.profile(\"" + number + "\");");
            String[] check = book.baselineCheck();
            nb.markdown(check[0]);
            nb.code(check[1]);
        } else {
            String previous = rungs.get(index - 1).number();
            nb.markdown("""
                    ## Why this step: where step %s spends its time

                    %s: samples by the line of the step that was running (including what it called), then by the
                    method on top of the stack."""
                    .formatted(previous, book.profileIntro()));
            nb.code("nb.profile(\"" + previous + "\");");
        }
        nb.markdown(LadderNotebookBook.timingIntro(unit));
        nb.code("var figures = nb.ladder(\"01-" + number + "\");\nfigures");
        nb.markdown("## Speedup so far\n\nOver the baseline, for the figures above (log scale):");
        nb.code("nb.speedupChart(figures)");
        book.yourTurn(nb, rung);
        nb.markdown("---\n" + nav);
        return nb.json();
    }
}
