package fasterjava.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.steps.Step09Bitsets;
import fasterjava.ladder.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The k-corrset notebook's timing cells at {@code tiny}: quiet output with its {@code verified:} line, the figures
 * of a larger run labelled with their source, and a learner's step run through the harness by {@code tryStep}.
 */
class CorrsetNotebookTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tinyRunsVerifyQuietlyAndShowALargerRunsFiguresWithTheirSource() {
        CorrsetNotebook nb = CorrsetNotebook.open();
        printed.reset();
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
    }

    @Test
    void aLearnersCorrectStepIsVerifiedTimedAndShownBesideTheLadder() {
        CorrsetNotebook nb = CorrsetNotebook.open();
        nb.ladder("01-02");
        printed.reset();
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
        printed.reset();
        LadderFigures figures = nb.tryStep("off-by-one", OffByOneUser::new);
        assertFalse(figures.verified());
        assertTrue(output().contains("not verified: off-by-one differs from the baseline"), output());
        assertFalse(output().lines().anyMatch(l -> l.startsWith("verified:")), "no verified line for a failed step");
        assertTrue(figures.toString().contains("not verified"), figures.toString());
        assertTrue(figures.report().steps().isEmpty(), "nothing timed");
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
