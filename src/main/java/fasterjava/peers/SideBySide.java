package fasterjava.peers;

import fasterjava.ladder.Budget;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.Published;
import fasterjava.ladder.StepTiming;
import fasterjava.ladder.Units;
import fasterjava.ladder.VerificationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a journey's Python versions on the data a Java ladder run used, verifies each one's results against Java,
 * and puts the two side by side with the published figures.
 *
 * <p>The Python runner times each version as the Java harness does (a reference run, runs grown to the budget's
 * minimum length as warm-up, the best of the budget's repetitions; a Numba version's JIT compile timed apart) and
 * prints every item of its last timed run. Before any Python figure is reported, all of those items are compared
 * with the journey's Java reference step on the same items ({@link PeerSide#mismatch}); one difference stops the
 * run with {@link VerificationException}.
 */
public final class SideBySide {
    private SideBySide() {
    }

    /**
     * The side-by-side report of {@code java} (a ladder run on {@code data} under {@code budget}) and the Python
     * versions run by {@code python} on the same data; without Python rows, saying why, when
     * {@link PythonPeers#unavailable} finds a reason.
     */
    public static <D, R> PeersReport run(PeerSide<D, R> side, D data, LadderReport java, Budget budget,
            PythonPeers python, Consumer<String> log) {
        Optional<String> unavailable = python.unavailable();
        if (unavailable.isPresent()) {
            log.accept("Python peers skipped: " + unavailable.get());
            return report(side, java, Map.of(), "Python not run", unavailable);
        }
        List<String> versions = side.versions().stream().map(PeerVersion::id).toList();
        log.accept("python: running " + String.join(", ", versions) + " with " + python.python() + "...");
        PeerOutput<R> output = python.run(side.script(), side.dataArguments(data), versions,
                budget, side.itemKind(), side::newItems, log);
        int items = output.runs().values().stream().mapToInt(run -> run.timing().items()).max().orElse(0);
        log.accept("python: computing the Java reference (step " + side.referenceStep() + ") on " + items + " "
                + plural(java.unit(), items));
        R reference = side.reference(data, items);
        Map<String, PeerTiming> timings = new HashMap<>();
        for (PeerVersion version : side.versions()) {
            PeerOutput.Run<R> run = output.runs().get(version.id());
            int count = run.timing().items();
            side.mismatch(reference, run.result(), count).ifPresent(mismatch -> {
                throw new VerificationException("Python version " + version.id() + " differs from Java step "
                        + side.referenceStep() + ": " + mismatch + " — its timing is not reported");
            });
            log.accept("verified: Python " + version.id() + " equals Java step " + side.referenceStep()
                    + " on all " + count + " " + plural(java.unit(), count) + " it timed (" + side.tolerance() + ")");
            PeerTiming timing = run.timing();
            log.accept(String.format(Locale.ROOT, "python %s: %,d %s in %.4f s (best of %d) = %s per %s",
                    version.id(), timing.items(), plural(java.unit(), timing.items()), timing.bestSeconds(),
                    timing.runs(), Units.nanos(timing.nanosPerItem()), java.unit()));
            timings.put(version.id(), timing);
        }
        return report(side, java, timings, output.environment(), Optional.empty());
    }

    /** The rows: per Java step its own, the Python version closest to it, its published figures. */
    static <D, R> PeersReport report(PeerSide<D, R> side, LadderReport java, Map<String, PeerTiming> python,
            String pythonEnvironment, Optional<String> skipped) {
        Map<String, Double> javaNanos = new HashMap<>();
        java.steps().forEach(step -> javaNanos.put(step.id(), step.nanosPerItem()));
        List<PeerRow> rows = new ArrayList<>();
        for (StepTiming step : java.steps()) {
            Optional<PeerVersion> peer = side.versions().stream().filter(v -> v.mirrors().contains(step.id()))
                    .findFirst();
            PeerTiming peerTiming = peer.map(v -> python.get(v.id())).orElse(null);
            int javaThreads = side.javaThreaded(step.id()) ? Runtime.getRuntime().availableProcessors() : 1;
            rows.add(new PeerRow(PeerRow.Kind.JAVA, step.id(), step.title(), step.nanosPerItem(), javaThreads,
                    peer.map(PeerVersion::id).orElse(""),
                    peerTiming == null ? Double.NaN : peerTiming.nanosPerItem() / step.nanosPerItem(),
                    String.format(Locale.ROOT, "%,d items, best of %d; prepare %.2f s", step.items(), step.runs(),
                            step.prepareSeconds())));
            for (PeerVersion version : side.versions()) {
                PeerTiming timing = python.get(version.id());
                if (timing != null && version.primary().equals(step.id())) {
                    rows.add(new PeerRow(PeerRow.Kind.PYTHON, version.id(), version.title(), timing.nanosPerItem(),
                            timing.threads(), step.id(), timing.nanosPerItem() / step.nanosPerItem(),
                            detail(timing)));
                }
            }
            for (Published figure : step.published()) {
                rows.add(new PeerRow(PeerRow.Kind.PUBLISHED, figure.source() + ": " + figure.label(),
                        "measured on " + figure.machine(), figure.nanosPerItem(), 0, step.id(), Double.NaN, ""));
            }
        }
        // A Python version whose Java step was not in the run still gets its row, unpaired.
        for (PeerVersion version : side.versions()) {
            PeerTiming timing = python.get(version.id());
            if (timing != null && !javaNanos.containsKey(version.primary())) {
                rows.add(new PeerRow(PeerRow.Kind.PYTHON, version.id(), version.title(), timing.nanosPerItem(),
                        timing.threads(), version.primary(), Double.NaN, detail(timing)));
            }
        }
        String context = java.context() + " Python: " + pythonEnvironment + ".";
        return new PeersReport(java.ladder(), java.unit(), context, rows, skipped);
    }

    private static String detail(PeerTiming timing) {
        String compile = Double.isNaN(timing.compileSeconds()) ? ""
                : String.format(Locale.ROOT, "; JIT compile %.2f s (not timed)", timing.compileSeconds());
        return String.format(Locale.ROOT, "%,d items, best of %d; prepare %.2f s%s", timing.items(), timing.runs(),
                timing.prepareSeconds(), compile);
    }

    private static String plural(String unit, int items) {
        return items == 1 ? unit : unit + "s";
    }
}
