package fasterjava.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.ladder.LadderReport;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vitals notebooks' calls at {@code tiny} (what the notebook run uses when {@code FASTER_SIZE} is unset): each
 * check prints its {@code verified:} line, each chart renders headless.
 */
class VitalsNotebookTest {
    @RegisterExtension
    final StandardOutCapture stdout = new StandardOutCapture();

    private String output() {
        return stdout.output();
    }

    @Test
    void everyCellOfTheVitalsNotebooksRuns() {
        VitalsNotebook nb = VitalsNotebook.open();
        assertTrue(output().startsWith("generating 500 patients"), output());
        nb.checkBaseline();
        assertTrue(output().contains("verified: 01-naive-loop reproduces the spec's check figures"), output());
        assertRendered(nb.patientChart());
        assertRendered(nb.definitions());
        assertTrue(output().contains("heart_rate"), output());
        LadderFigures figures = nb.ladder("04,06");
        assertEquals(2, figures.report().steps().size());
        assertTrue(figures.source().contains("README") || figures.source().contains("results/"), figures.source());
        assertRendered(nb.codeSizeChart(figures));
        LadderReport ragged = nb.ragged("04,08");
        assertTrue(ragged.data().startsWith("ragged and shuffled"), ragged.data());
        assertTrue(output().contains("verified: 08-streaming equals the baseline"), output());
        assertRendered(nb.scaling());
        assertTrue(output().contains("1 → 2 threads: "), output());
        assertTrue(nb.diff("05").contains("Step05FixedPoint.java"));
    }

    @Test
    void codeLinesSkipCommentsAndBlankLines() {
        assertEquals(2, LadderNotebook.codeLines("""
                /** Javadoc
                 * over lines */
                class A { // trailing

                    /* block */ int x;
                }
                """) - 1);
    }

    private static void assertRendered(BufferedImage image) {
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
        long colours = Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0,
                image.getWidth())).distinct().limit(10).count();
        assertTrue(colours > 5, "the chart is not blank");
    }
}
