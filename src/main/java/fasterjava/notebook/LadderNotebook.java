package fasterjava.notebook;

import fasterjava.journeys.Journeys;
import fasterjava.ladder.Journey;
import fasterjava.ladder.LadderCharts;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.LadderRunner;
import fasterjava.ladder.Machine;
import fasterjava.ladder.Rung;
import fasterjava.ladder.Step;
import fasterjava.ladder.StepProfiler;
import fasterjava.ladder.StepSelection;
import fasterjava.ladder.StepTiming;
import fasterjava.ladder.Units;
import fasterjava.ladder.VerificationException;
import fasterjava.peers.PeerResults;
import fasterjava.util.ProjectPaths;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * What the step notebooks of any ladder call, one line per cell: the data at the notebook's size, a step's source
 * and its diff against the previous step, a profile, the verified-and-timed ladder, and charts.
 *
 * <p>The size comes from the {@code FASTER_SIZE} environment variable ({@code tiny}, {@code small} or
 * {@code full}; default {@code tiny}): CI executes every notebook at {@code tiny}, a workshop runs {@code small}
 * or {@code full}. Output goes to {@code System.out}, which the kernel shows under the cell.
 *
 * @param <D> the ladder's input
 * @param <R> a step's result
 */
public final class LadderNotebook<D, R> {
    public static final String SIZE_VARIABLE = "FASTER_SIZE";
    private static final String DEFAULT_SIZE = "tiny";
    /** The number a learner's step runs under in the harness (its own name is what the output shows). */
    private static final String YOURS_NUMBER = "00";

    private final Journey<D, R> journey;
    private final String size;
    private final D data;
    /** This notebook's last {@link #ladder} run, which {@link #tryStep} charts a learner's step beside. */
    private LadderReport lastRun;
    /** The Python figures of the last {@code peers} run, read at the first timing cell; null until then. */
    private Optional<PeerResults> peerResults;

    private LadderNotebook(Journey<D, R> journey, String size) {
        this.journey = journey;
        this.size = journey.checkSize(size);
        this.data = journey.open(this.size, System.out::println);
    }

    /** Opens the ladder of that name ({@code corrset}, {@code vitals}) at the size {@code FASTER_SIZE} names. */
    public static LadderNotebook<?, ?> open(String ladder) {
        return open(Journeys.find(ladder));
    }

    /** Opens {@code journey}'s data at the size {@code FASTER_SIZE} names and says what it is and where we run. */
    public static <D, R> LadderNotebook<D, R> open(Journey<D, R> journey) {
        String size = System.getenv(SIZE_VARIABLE);
        LadderNotebook<D, R> notebook = new LadderNotebook<>(journey, size == null || size.isBlank() ? DEFAULT_SIZE
                : size);
        System.out.println("size: " + notebook.size + " — " + journey.describe(notebook.data));
        System.out.println("machine: " + Machine.describe());
        return notebook;
    }

    public Journey<D, R> journey() {
        return journey;
    }

    /** {@code tiny}, {@code small} or {@code full}. */
    public String size() {
        return size;
    }

    public D data() {
        return data;
    }

    /** The source file of a step ({@code "05"} or {@code "05-int-ids"}), as it is in {@code src/}. */
    public String source(String step) {
        return read(sourceFile(StepSelection.find(step, journey.ladder().rungs())));
    }

    /**
     * What changed from the previous step, as HTML: the changed hunks with three lines of context, numbered with
     * the files' own line numbers, then the whole new file in a collapsed block. The baseline shows its whole
     * source, numbered.
     */
    public String diff(String step) {
        List<Rung<D, R>> rungs = journey.ladder().rungs();
        Rung<D, R> rung = StepSelection.find(step, rungs);
        int index = rungs.indexOf(rung);
        Path after = sourceFile(rung);
        List<String> afterLines = read(after).lines().toList();
        if (index == 0) {
            return LineDiff.toHtml(rung.id() + " is the baseline: its whole source, " + after.getFileName(),
                    LineDiff.diff(List.of(), afterLines));
        }
        Path before = sourceFile(rungs.get(index - 1));
        List<LineDiff.Line> changes = LineDiff.withContext(LineDiff.diff(read(before).lines().toList(), afterLines),
                3);
        return LineDiff.toHtml("diff " + before.getFileName() + " → " + after.getFileName(), changes)
                + LineDiff.collapsed("the whole of " + after.getFileName() + " (" + afterLines.size()
                        + " lines): click to open", afterLines);
    }

    /** Profiles a step with Java Flight Recorder for a few seconds and prints where its time goes. */
    public void profile(String step) {
        double seconds = size.equals(journey.sizes().get(0)) ? 2 : 5;
        StepProfiler.Profile profile = journey.profile(data, step, seconds, System.out::println);
        System.out.print(profile.toTable(8));
    }

    /**
     * Verifies and times the selected steps against the baseline (which always runs) and returns what to show:
     * one progress line, a {@code verified:} line, a line per step that came out slower than the one before it,
     * then (as the cell's value) the table. At the smallest size the runs only check: the figures shown are this
     * machine's last run at a larger size, or the README's reference run, labelled with their source; this run's
     * own are shown only when neither exists, and then say so.
     */
    public LadderFigures ladder(String steps) {
        List<Rung<D, R>> selected = StepSelection.parse(steps, journey.ladder().rungs());
        LadderReport measured = runQuietly(selected, null);
        lastRun = measured;
        String highlight = selected.get(selected.size() - 1).id();
        LadderFigures figures;
        if (checksOnly()) {
            figures = ReferenceRun.find(journey, selected, journey.describe(data), ProjectPaths.root())
                    .map(reference -> new LadderFigures(reference.report(), reference.source(), measured, highlight,
                            null))
                    .orElseGet(() -> new LadderFigures(measured, "measured here at size " + size
                            + ", too short to time steadily (no larger run found in results/ or README.md)",
                            measured, highlight, null));
        } else {
            figures = new LadderFigures(measured, "measured here in this run, size " + size, measured, highlight,
                    null);
        }
        printFlags(figures);
        printPythonPeer(figures.report(), highlight);
        return figures;
    }

    /**
     * The Python version this step mirrors, as the last {@code peers} run in {@code results/} measured it, beside
     * the Java figure shown; a hint to run the peers when there is no such run.
     */
    private void printPythonPeer(LadderReport shown, String step) {
        Optional<PeerResults> peers = peers();
        if (peers.isEmpty()) {
            printf("Python beside it: run bin/faster %s peers (it writes results/%1$s-peers.csv)%n",
                    journey.ladder().name());
            return;
        }
        Optional<PeerResults.PythonFigure> python = peers.get().mirroring(step);
        StepTiming java = shown.steps().stream().filter(timing -> timing.id().equals(step)).findFirst()
                .orElse(null);
        if (python.isEmpty() || java == null) {
            return;
        }
        printf("Python beside it (results/%s-peers.csv, its own run): %s %s per %s; this step %s; Python/Java %s%n",
                journey.ladder().name(), python.get().version(), Units.nanos(python.get().nanosPerItem()),
                journey.ladder().unit(), Units.nanos(java.nanosPerItem()),
                Units.ratio(python.get().nanosPerItem() / java.nanosPerItem()));
    }

    /**
     * {@code results/<ladder>-peers.csv}, read once per notebook: every timing cell shows the same Python run, and a
     * peers run made while the notebook is open shows after the kernel restarts.
     */
    private Optional<PeerResults> peers() {
        if (peerResults == null) {
            peerResults = PeerResults.read(ProjectPaths.results(), journey.ladder().name());
        }
        return peerResults;
    }

    /**
     * Runs a step of your own through the same harness: prepared, verified against the baseline, then timed like
     * the ladder's steps, and shown beside this notebook's last {@link #ladder} run (the same size, the same
     * machine). A step that does not reproduce the baseline is reported as not verified and not timed.
     *
     * @param name lower-case words joined by hyphens, e.g. {@code "my-bitsets"}
     * @param step makes a fresh instance of your step, e.g. {@code MyStep::new}
     */
    public LadderFigures tryStep(String name, Supplier<? extends Step<D, R>> step) {
        Rung<D, R> yours = new Rung<>(YOURS_NUMBER, name, "yours", step);
        LadderReport measured;
        try {
            measured = runQuietly(List.of(journey.ladder().rungs().get(0), yours), yours);
        } catch (VerificationException e) {
            String failure = e.getMessage().replace(yours.id(), name);
            System.out.println("not verified: " + failure);
            LadderReport shown = lastRun != null ? lastRun : emptyReport();
            return new LadderFigures(shown, "not timed: your step did not reproduce the baseline", shown, null,
                    failure);
        }
        StepTiming timing = renamed(measured.step(yours.id()), name);
        List<StepTiming> steps = new ArrayList<>(lastRun == null ? List.of(measured.baseline()) : lastRun.steps());
        steps.add(timing);
        LadderReport base = lastRun == null ? measured : lastRun;
        LadderReport combined = new LadderReport(base.ladder(), base.unit(), base.data(), base.machine(),
                base.baseline(), steps);
        String source = (lastRun == null ? "measured here, size " : "the ladder from this notebook's run above and "
                + name + " measured now, size ") + size + (checksOnly() ? " (too short to time steadily)" : "");
        LadderFigures figures = new LadderFigures(combined, source, combined, name, null);
        printFlags(figures);
        return figures;
    }

    private boolean checksOnly() {
        return size.equals(journey.sizes().get(0));
    }

    private LadderReport runQuietly(List<Rung<D, R>> selected, Rung<D, R> yours) {
        System.out.print("verifying, then timing at size " + size + ":");
        List<String> log = new ArrayList<>();
        LadderReport report;
        try {
            report = new LadderRunner<>(journey.ladder(), journey.budget(size), line -> {
                log.add(line);
                if (line.startsWith("verified: ") || line.startsWith("reference: ")) {
                    String id = line.substring(line.indexOf(' ') + 1, line.indexOf(' ', line.indexOf(' ') + 1));
                    System.out.print(" " + (yours != null && id.equals(yours.id()) ? yours.slug()
                            : id.substring(0, 2)) + " ✓");
                }
            }).run(data, selected, journey.describe(data));
        } finally {
            System.out.println();
        }
        String baseline = report.baseline().id();
        List<String> checked = report.steps().stream().map(StepTiming::id).filter(id -> !id.equals(baseline))
                .map(id -> yours != null && id.equals(yours.id()) ? yours.slug() : id).toList();
        printf("verified: %s reproduced the baseline %s on the first %,d %ss, "
                + "then %s timed%n", checked.isEmpty() ? "no step besides the baseline" : String.join(", ", checked),
                baseline, report.baseline().verifiedItems(), journey.ladder().unit(),
                checked.size() == 1 ? "was" : "were");
        return report;
    }

    private static void printFlags(LadderFigures figures) {
        for (String flag : figures.slowerThanPrevious()) {
            System.out.println("⚠ " + flag);
        }
    }

    private LadderReport emptyReport() {
        return new LadderReport(journey.ladder().name(), journey.ladder().unit(), journey.describe(data),
                Machine.describe(), null, List.of());
    }

    private static StepTiming renamed(StepTiming timing, String name) {
        return new StepTiming(name, timing.title(), timing.prepareSeconds(), timing.items(), timing.runs(),
                timing.bestSeconds(), timing.verifiedItems(), timing.verification().replace(YOURS_NUMBER + "-"
                        + name, name), timing.published());
    }

    /** Speedup over the baseline of the figures shown (their source in the title), the notebook's step marked. */
    public BufferedImage speedupChart(LadderFigures figures) {
        return LadderCharts.image(NotebookCharts.speedup(figures));
    }

    /** Time per work item of the figures shown, beside the published figures. */
    public BufferedImage timeChart(LadderFigures figures) {
        return LadderCharts.image(NotebookCharts.timePerItem(figures));
    }

    /**
     * Lines of code per step (non-blank lines outside comments) beside each step's time per item in
     * {@code report}, both on log axes: what each speedup cost to write and read.
     */
    public BufferedImage codeSizeChart(LadderFigures figures) {
        LadderReport report = figures.report();
        List<String> ids = report.steps().stream().map(StepTiming::id).toList();
        List<Integer> lines = new ArrayList<>();
        for (String id : ids) {
            lines.add(codeLines(read(sourceFile(StepSelection.find(id, journey.ladder().rungs())))));
        }
        CategoryChart chart = new CategoryChartBuilder().width(LadderCharts.WIDTH).height(450)
                .title(journey.ladder().name() + ": lines of code per step, and time per " + journey.ladder().unit())
                .xAxisTitle("step").yAxisTitle("lines of code / microseconds per " + journey.ladder().unit()).build();
        chart.getStyler().setXAxisLabelRotation(45);
        chart.addSeries("lines of code", ids, lines);
        chart.addSeries("µs per " + journey.ladder().unit(), ids,
                report.steps().stream().map(s -> s.nanosPerItem() / 1e3).toList());
        return LadderCharts.image(LadderCharts.fitLogAxis(chart));
    }

    /** Non-blank lines that are not comments (line, block or Javadoc). */
    static int codeLines(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        return (int) code.lines().filter(line -> !line.isBlank()).count();
    }

    /** The source of {@code rung}'s class: {@code StepNN*.java} in the journey's step package under {@code src/}. */
    public static Path sourceFile(Journey<?, ?> journey, Rung<?, ?> rung) {
        Path dir = ProjectPaths.root().resolve("src/main/java").resolve(journey.stepPackage().replace('.', '/'));
        String prefix = "Step" + rung.number();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no source for step " + rung.id() + " in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private Path sourceFile(Rung<D, R> rung) {
        return sourceFile(journey, rung);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One formatted print: the kernel shows each write as it comes, so a line is written whole. */
    static void printf(String format, Object... args) {
        System.out.print(String.format(Locale.ROOT, format, args));
    }
}
