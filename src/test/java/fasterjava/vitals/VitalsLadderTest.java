package fasterjava.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.ladder.Budget;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.LadderRunner;
import fasterjava.ladder.StepTiming;
import fasterjava.vitals.journey.VitalsJourney;
import fasterjava.vitals.journey.VitalsLadder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vitals ladder runs in the generic harness: every step verified, then timed; published figures beside. */
class VitalsLadderTest {
    private static final Budget QUICK = new Budget(5, 0.001, 40, 1, 0.01);

    @Test
    void everyStepIsVerifiedAndTimedByTheHarness() {
        VitalsTable table = VitalsTestData.edge("ragged-series");
        VitalsLadder ladder = new VitalsLadder();
        List<String> log = new ArrayList<>();
        LadderReport report = new LadderRunner<>(ladder, QUICK, log::add).run(table, ladder.rungs(),
                table.describe());
        assertEquals(ladder.rungs().size(), report.steps().size());
        for (StepTiming timing : report.steps()) {
            assertTrue(timing.verification().startsWith("reference:") || timing.verification().startsWith("verified:"),
                    timing.verification());
        }
        assertEquals("patient", report.unit());
    }

    @Test
    void publishedFiguresSitBesideTheFirstThreeSteps() {
        VitalsLadder ladder = new VitalsLadder();
        assertEquals(84e6, ladder.published("01-naive-loop").get(0).nanosPerItem(), 1);
        assertEquals(7e6, ladder.published("02-group-by").get(0).nanosPerItem(), 1);
        assertEquals(160e3, ladder.published("03-column-arrays").get(0).nanosPerItem(), 1);
        assertTrue(ladder.published("04-fused-pass").isEmpty());
    }

    @Test
    void journeyOpensTheCaseStudysSizeAndLoadsFiles() {
        VitalsJourney journey = new VitalsJourney();
        assertEquals(List.of("tiny", "small", "full"), journey.sizes());
        List<String> log = new ArrayList<>();
        VitalsTable tiny = journey.open("tiny", log::add);
        assertEquals(500, tiny.patientCount());
        assertEquals(500 * 365, tiny.rowCount());
        assertEquals(1, log.size());
        assertEquals(500, journey.budget("tiny").referenceItems());
        assertEquals(VitalsTestData.edge("one-day").rowCount(),
                journey.load(VitalsTestData.edgeFile("one-day"), log::add).rowCount());
        assertEquals("fasterjava.vitals.steps", journey.stepPackage());
        assertThrows(IllegalArgumentException.class, () -> journey.budget("huge"));
        assertTrue(journey.describe(tiny).contains("500 patients"), journey.describe(tiny));
    }
}
