package fasterjava.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.steps.Step09Bitsets;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Step;
import fasterjava.util.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k-corrset notebook's timing cells at {@code tiny}: quiet output with its {@code verified:} line, the figures
 * of a larger run labelled with their source, and a learner's step run through the harness by {@code tryStep}.
 */
class CorrsetNotebookTest {
    /** Where {@code ProjectPaths} looks for {@code results/} first (what {@code bin/faster} sets). */
    private static final String ROOT_PROPERTY = "faster.root";

    @RegisterExtension
    final StandardOutCapture stdout = new StandardOutCapture();

    private String output() {
        return stdout.output();
    }

    @Test
    void tinyRunsVerifyQuietlyAndShowALargerRunsFiguresWithTheirSource() {
        CorrsetNotebook nb = CorrsetNotebook.open();
        stdout.reset();
        LadderFigures figures = nb.ladder("01-03");
        String[] lines = output().split("\n");
        assertTrue(lines[0].startsWith("verifying, then timing at size tiny: 01 ✓ 02 ✓ 03 ✓"), output());
        assertTrue(lines[1].startsWith("verified: 02-user-sets, 03-score-map reproduced the baseline "
                + "01-tablesaw-baseline"), output());
        assertTrue(figures.source().contains("README") || figures.source().contains("results/"), figures.source());
        assertFalse(figures.report().data().contains("6000"), "not the tiny run's own figures");
        assertTrue(figures.toString().startsWith("<table"), figures.toString());
        assertTrue(figures.toString().contains(figures.source()), "the caption names the source");
        assertEquals(3, figures.report().steps().size());
        assertTrue(nb.speedupChart(figures).getWidth() > 100, "renders headless");
        assertTrue(nb.timeChart(figures).getWidth() > 100, "renders headless");
    }

    @Test
    void aLearnersCorrectStepIsVerifiedTimedAndShownBesideTheLadder() {
        CorrsetNotebook nb = CorrsetNotebook.open();
        nb.ladder("01-02");
        stdout.reset();
        LadderFigures figures = nb.tryStep("my-bitsets", Step09Bitsets::new);
        assertTrue(figures.verified());
        assertTrue(output().contains("my-bitsets ✓"), output());
        assertTrue(output().contains("verified: my-bitsets reproduced the baseline"), output());
        assertEquals(java.util.List.of("01-tablesaw-baseline", "02-user-sets", "my-bitsets"),
                figures.report().steps().stream().map(s -> s.id()).toList());
        assertEquals("my-bitsets", figures.highlight());
    }

    @Test
    void aLearnersWrongStepIsReportedAsNotVerifiedAndNotTimed() {
        CorrsetNotebook nb = CorrsetNotebook.open();
        stdout.reset();
        LadderFigures figures = nb.tryStep("off-by-one", OffByOneUser::new);
        assertFalse(figures.verified());
        assertTrue(output().contains("not verified: off-by-one differs from the baseline"), output());
        assertFalse(output().lines().anyMatch(l -> l.startsWith("verified:")), "no verified line for a failed step");
        assertTrue(figures.toString().contains("not verified"), figures.toString());
        assertTrue(figures.report().steps().isEmpty(), "nothing timed");
    }

    @Test
    void withoutASavedFullSearchTheOverviewSearchesTheDataAndShowsWhyMinUsersMatters() {
        assumeFalse(Files.exists(ProjectPaths.results().resolve("corrset-best.json")), "a saved search is shown");
        CorrsetNotebook nb = CorrsetNotebook.open();
        stdout.reset();
        nb.best();
        String out = output();
        assertTrue(out.contains("every set of 5 among all 20 questions"), out);
        assertTrue(out.contains("sets: 10% 20% 30% 40% 50% 60% 70% 80% 90% 100% done"), out);
        assertTrue(out.contains("at least 2 users, the five best:\n  questions ["), out);
        assertTrue(out.contains("r = 1.000000 over n = "), "r = 1 with a handful of users: " + out);
        assertTrue(out.contains("Asking for at least 10 users"), out);
    }

    @Test
    void withoutAPeersRunTheHintIsShownAndThePeersFileIsReadOnlyOnce(@TempDir Path root) throws IOException {
        CorrsetNotebook nb = CorrsetNotebook.open();
        String realRoot = System.getProperty(ROOT_PROPERTY);
        System.setProperty(ROOT_PROPERTY, root.toString());
        try {
            stdout.reset();
            nb.ladder("01-02");
            assertTrue(output().contains("Python beside it: run bin/faster corrset peers (it writes "
                    + "results/corrset-peers.csv)"), output());
            Files.createDirectories(root.resolve("results"));
            Files.writeString(root.resolve("results/corrset-peers.csv"), """
                    kind,step,mirrors,ns_per_item,threads,java_speedup_over_python,detail,title
                    java,02-user-sets,pandas-baseline,1000,1,,,
                    python,pandas-baseline,,50000,1,,,
                    """);
            stdout.reset();
            nb.ladder("01-02");
            assertTrue(output().contains("Python beside it: run bin/faster corrset peers"),
                    "a peers run made while the notebook is open shows only after a restart: " + output());
        } finally {
            if (realRoot == null) {
                System.clearProperty(ROOT_PROPERTY);
            } else {
                System.setProperty(ROOT_PROPERTY, realRoot);
            }
        }
    }

    @Test
    void firstQuestionsKeepsEveryUsersGrandTotal() {
        Scores scores = CorrsetNotebook.open().scores();
        Scores first = scores.firstQuestions(7);
        assertEquals(7, first.questionCount());
        assertEquals(scores.userCount(), first.userCount());
        assertEquals(scores.grandTotals(), first.grandTotals());
        assertTrue(Arrays.equals(scores.answeredBy(6), first.answeredBy(6)));
        assertTrue(first.rowCount() < scores.rowCount());
        assertTrue(Arrays.stream(first.rowQuestions()).allMatch(q -> q < 7));
    }

    /** Step 09, but with one user too many counted in every set: what a learner's slip looks like. */
    static final class OffByOneUser implements Step<CorrsetInput, CorrsetResult> {
        private final Step09Bitsets step = new Step09Bitsets();

        @Override
        public void prepare(CorrsetInput data) {
            step.prepare(data);
        }

        @Override
        public CorrsetResult compute(int items) {
            CorrsetResult result = step.compute(items);
            for (int i = 0; i < items; i++) {
                result.n()[i]++;
            }
            return result;
        }
    }
}
