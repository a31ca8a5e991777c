package fasterjava.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.corrset.journey.PublishedFigures;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.StepTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The side-by-side table, its files, and reading the Python figures back for the step notebooks. */
class PeerResultsTest {
    private static StepTiming step(String id, double bestSeconds, int items) {
        return new StepTiming(id, "title of " + id, 0.1, items, 3, bestSeconds, 10, "verified",
                PublishedFigures.forStep(id));
    }

    /** Java 01 at 10 ms, 10 at 1 µs, 12 at 500 ns; Python pandas at 50 ms, Numba serial at 2 µs. */
    private static PeersReport report() {
        StepTiming baseline = step("01-tablesaw-baseline", 0.1, 10);
        LadderReport java = new LadderReport("corrset", "combination", "test data", "test machine", baseline,
                List.of(baseline, step("10-fused-loop", 0.001, 1000), step("12-threads", 0.0005, 1000)));
        Map<String, PeerTiming> python = Map.of(
                "pandas-baseline", new PeerTiming("pandas-baseline", 10, 3, 0.5, 0.2, Double.NaN, 1),
                "numba-serial", new PeerTiming("numba-serial", 1000, 3, 0.002, 0.1, 0.9, 1));
        return SideBySide.report(new CorrsetPeers(), java, python, "Python 3.11", Optional.empty());
    }

    @Test
    void rowsPairEachJavaStepWithItsPythonPeerAndThePublishedFigures() {
        PeersReport report = report();
        List<String> kinds = report.rows().stream().map(row -> row.kind() + " " + row.step()).toList();
        assertEquals(List.of("JAVA 01-tablesaw-baseline", "PYTHON pandas-baseline",
                "PUBLISHED Python article: pandas baseline", "PUBLISHED Rust article: Python",
                "JAVA 10-fused-loop", "PYTHON numba-serial", "PUBLISHED Python article: fused accumulation, serial",
                "JAVA 12-threads", "PUBLISHED Python article: fused accumulation, parallel",
                "PUBLISHED Rust article: batched, 1024 per task"), kinds);
        PeerRow fused = report.rows(PeerRow.Kind.JAVA).get(1);
        assertEquals(2.0, fused.javaSpeedup(), 1e-12, "Numba 2 µs over Java 1 µs");
        assertEquals(1, fused.threads());
        assertTrue(Double.isNaN(report.rows(PeerRow.Kind.JAVA).get(2).javaSpeedup()), "numba-parallel not run");
        assertEquals(Runtime.getRuntime().availableProcessors(), report.rows(PeerRow.Kind.JAVA).get(2).threads());
        assertTrue(report.summary().contains("Fastest Java step 12-threads (500 ns"), report.summary());
        assertTrue(report.summary().contains("fastest Python version numba-serial (2.00 µs, one thread): Java "
                + "4.00x faster"), report.summary());
    }

    @Test
    void filesAreWrittenAndTheNotebooksReadThePythonFigureBack(@TempDir Path dir) throws Exception {
        List<Path> files = PeerResults.write(report(), dir);
        assertEquals(List.of("corrset-peers.csv", "corrset-peers.md", "corrset-peers.png"),
                files.stream().map(file -> file.getFileName().toString()).toList());
        assertTrue(Files.size(files.get(2)) > 1000, "a PNG chart");
        assertTrue(Files.readString(files.get(1)).contains("| Python, measured here | numba-serial |"));
        PeerResults read = PeerResults.read(dir, "corrset").orElseThrow();
        assertEquals(new PeerResults.PythonFigure("numba-serial", 2000.0), read.mirroring("10-fused-loop")
                .orElseThrow());
        assertEquals(5e7, read.mirroring("01-tablesaw-baseline").orElseThrow().nanosPerItem(), 1e-3);
        assertTrue(read.mirroring("12-threads").isEmpty(), "its Python peer was not measured");
        assertTrue(read.mirroring("05-int-ids").isEmpty(), "no Python peer");
        assertTrue(PeerResults.read(dir, "vitals").isEmpty(), "vitals peers not run");
    }

    @Test
    void withoutPythonTheReportSaysWhyAndKeepsTheJavaRows() {
        PeersReport report = SideBySide.report(new CorrsetPeers(), new LadderReport("corrset", "combination",
                "data", "machine", step("01-tablesaw-baseline", 0.1, 10), List.of(step("01-tablesaw-baseline", 0.1,
                10))), Map.of(), "Python not run", Optional.of("no Python interpreter at /x"));
        assertTrue(report.rows(PeerRow.Kind.PYTHON).isEmpty());
        assertEquals(1, report.rows(PeerRow.Kind.JAVA).size());
        assertTrue(report.toConsoleTable().contains("Python rows skipped: no Python interpreter at /x"));
    }
}
