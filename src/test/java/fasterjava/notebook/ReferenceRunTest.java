package fasterjava.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.ladder.Rung;
import fasterjava.ladder.StepSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a tiny notebook's figures come from: the last larger run in results/, else the README's reference run. */
class ReferenceRunTest {
    private static final CorrsetJourney JOURNEY = new CorrsetJourney();
    private static final List<Rung<CorrsetInput, CorrsetResult>> STEPS = StepSelection.parse("01-02",
            JOURNEY.ladder().rungs());
    private static final String CSV = """
            step,title,items,runs,best_seconds,ns_per_item,speedup_vs_baseline,speedup_vs_previous,prepare_seconds,\
            verified_items,published_source,published_label,published_ns_per_item
            01-tablesaw-baseline,"Tablesaw, baseline",20,3,2.00000,1.00000e+08,1.00000,,0.1,20,,,
            02-user-sets,User sets,100,3,0.500000,5.00000e+06,20.0000,20.0000,0.1,20,,,
            """;

    @TempDir
    Path root;

    private void results(String data) throws IOException {
        Files.createDirectories(root.resolve("results"));
        Files.writeString(root.resolve("results/corrset-ladder.csv"), CSV);
        Files.writeString(root.resolve("results/corrset-ladder.md"), "# corrset ladder\n\n| table |\n\n"
                + "Measured on Some CPU, 2 cores; data: " + data + ".\n");
    }

    private void readme() throws IOException {
        Files.writeString(root.resolve("README.md"), """
                ### Measured here

                One run of `ladder --scale small` on a 2-core **Test CPU** VM (AVX2), Debian, Temurin **JDK 25.0.3**,
                the data (60,000 users × 200 questions), 2026-11-29, more words.

                | step | per combination | vs baseline | published (per combination) |
                | --- | --- | --- | --- |
                | 01-tablesaw-baseline | 83.3 ms | 1.00x | pandas: 35.0 ms |
                | 02-user-sets | 3.77 µs | 22.1x | - |
                """);
    }

    @Test
    void aLargerRunInResultsComesFirst() throws IOException {
        results("the full data");
        readme();
        ReferenceRun run = ReferenceRun.find(JOURNEY, STEPS, "the tiny sample", root).orElseThrow();
        assertTrue(run.source().startsWith("this machine's last run (results/corrset-ladder.csv"), run.source());
        assertEquals(5e6, run.report().steps().get(1).nanosPerItem(), 1);
        assertEquals(20.0, run.report().speedupOverBaseline(1), 1e-9);
        assertEquals("Some CPU, 2 cores", run.report().machine());
    }

    @Test
    void aResultsRunOnTheNotebooksOwnDataIsSkippedForTheReadme() throws IOException {
        results("the tiny sample");
        readme();
        ReferenceRun run = ReferenceRun.find(JOURNEY, STEPS, "the tiny sample", root).orElseThrow();
        assertTrue(run.source().startsWith("the README's reference run"), run.source());
        assertTrue(run.source().contains("2026-11-29"), run.source());
        assertEquals("2-core Test CPU VM (AVX2), Debian, Temurin JDK 25.0.3", run.report().machine());
        assertEquals("size small, 60,000 users × 200 questions", run.report().data());
        assertEquals(83.3e6, run.report().steps().get(0).nanosPerItem(), 1);
        assertEquals(3.77e3, run.report().steps().get(1).nanosPerItem(), 1e-6);
    }

    @Test
    void noSourceWithEveryStepGivesNothing() throws IOException {
        readme();
        assertTrue(ReferenceRun.find(JOURNEY, StepSelection.parse("01-03", JOURNEY.ladder().rungs()), "x", root)
                .isEmpty());
        assertTrue(ReferenceRun.find(JOURNEY, STEPS, "x", root.resolve("nowhere")).isEmpty());
    }

    @Test
    void theProjectReadmeHasEveryCorrsetStep() {
        ReferenceRun run = ReferenceRun.readme(JOURNEY, JOURNEY.ladder().rungs(),
                fasterjava.util.ProjectPaths.root().resolve("README.md")).orElseThrow();
        assertEquals(JOURNEY.ladder().rungs().size(), run.report().steps().size());
    }
}
