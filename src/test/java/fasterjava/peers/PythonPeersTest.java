package fasterjava.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.ladder.Budget;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.VerificationException;
import fasterjava.util.ProjectPaths;
import fasterjava.vitals.journey.VitalsJourney;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.data.GeneratedVitals;
import fasterjava.vitals.data.VitalsCsv;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Python version, run by its real runner on small data, verified against the Java reference: the whole
 * path from process to report. Skips, saying so on standard error, only where Python with NumPy, pandas and
 * Numba is not installed ({@code bin/test} installs it where it can).
 */
class PythonPeersTest {
    /** Few items and short runs: the test is about agreement, not about the times. */
    private static final Budget SHORT = new Budget(20, 0.01, 300, 1, 0.05);
    private static final int PATIENTS = 40;

    @BeforeAll
    static void requirePython() {
        Optional<String> unavailable = PythonPeers.standard().unavailable();
        if (unavailable.isPresent()) {
            System.err.println("SKIPPED PythonPeersTest: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "Python peers unavailable: " + unavailable.get());
    }

    @Test
    void everyCorrsetVersionAgreesWithJava() {
        CorrsetJourney journey = new CorrsetJourney();
        CorrsetInput input = journey.open("tiny", line -> { });
        LadderReport java = journey.runLadder(input, "01,10,12", SHORT, line -> { });
        List<String> log = new ArrayList<>();
        PeersReport report = SideBySide.run(new CorrsetPeers(), input, java, SHORT, PythonPeers.standard(),
                log::add);
        assertEquals(new CorrsetPeers().versions().size(), report.rows(PeerRow.Kind.PYTHON).size(), log.toString());
        assertEquals(6, log.stream().filter(line -> line.startsWith("verified: Python ")).count(), log.toString());
        assertTrue(report.skipped().isEmpty());
        PeerRow numba = report.rows(PeerRow.Kind.PYTHON).stream().filter(row -> row.step().equals("numba-serial"))
                .findFirst().orElseThrow();
        assertEquals(1, numba.threads());
        assertTrue(numba.detail().contains("JIT compile"), numba.detail());
    }

    @Test
    void everyVitalsVersionAgreesWithJava(@TempDir Path dir) throws Exception {
        GeneratedVitals generated = VitalsGenerator.generate(PATIENTS, VitalsGenerator.DEFAULT_DAYS,
                VitalsGenerator.DEFAULT_SEED);
        Path csv = dir.resolve("vitals.csv");
        VitalsCsv.write(generated, csv);
        VitalsTable table = VitalsLoader.table(generated);
        Budget budget = new Budget(PATIENTS, 0.01, PATIENTS, 1, 0.05);
        LadderReport java = new VitalsJourney().runLadder(table, "01,04,07", budget, line -> { });
        List<String> log = new ArrayList<>();
        PeersReport report = SideBySide.run(new VitalsPeers(csv), table, java, budget, PythonPeers.standard(),
                log::add);
        assertEquals(new VitalsPeers(csv).versions().size(), report.rows(PeerRow.Kind.PYTHON).size(),
                log.toString());
        assertTrue(log.contains("verified: Python v1-naive-loop equals Java step 04-fused-pass on all " + PATIENTS
                + " patients it timed (" + new VitalsPeers(csv).tolerance() + ")"), log.toString());
    }

    @Test
    void aPeerPrintingAWrongRFailsVerificationAndReportsNoTime() {
        CorrsetJourney journey = new CorrsetJourney();
        CorrsetInput input = journey.open("tiny", line -> { });
        LadderReport java = journey.runLadder(input, "01", SHORT, line -> { });
        Path planted = ProjectPaths.root().resolve("src/test/resources/fixtures/peers/wrong-r");
        PythonPeers python = new PythonPeers(PythonPeers.standard().python(), planted);
        VerificationException error = assertThrows(VerificationException.class, () -> SideBySide.run(
                new CorrsetPeers(), input, java, SHORT, python, line -> { }));
        assertTrue(error.getMessage().startsWith("Python version numba-serial differs from Java step 10-fused-loop: "
                + "combination #7"), error.getMessage());
    }

    @Test
    void aRunnerThatFailsIsReportedWithItsLastErrorLine() {
        PythonPeers python = PythonPeers.standard();
        PeerException error = assertThrows(PeerException.class, () -> python.run("corrset/run.py",
                List.of("--data", "/nonexistent/scores.json", "--k", "5"), List.of("numba-serial"), SHORT, "item",
                new CorrsetPeers()::newItems, line -> { }));
        assertTrue(error.getMessage().contains("cannot read /nonexistent/scores.json"), error.getMessage());
    }
}
