package fasterjava.notebook;

import fasterjava.journeys.Journeys;
import fasterjava.ladder.Journey;
import fasterjava.ladder.LadderCharts;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.Machine;
import fasterjava.ladder.Rung;
import fasterjava.ladder.StepProfiler;
import fasterjava.ladder.StepSelection;
import fasterjava.ladder.StepTiming;
import fasterjava.util.ProjectPaths;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private final Journey<D, R> journey;
    private final String size;
    private final D data;

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

    /** What changed from the previous step, as coloured HTML: {@code display("text/html", nb.diff("05"))}. */
    public String diff(String step) {
        List<Rung<D, R>> rungs = journey.ladder().rungs();
        Rung<D, R> rung = StepSelection.find(step, rungs);
        int index = rungs.indexOf(rung);
        if (index == 0) {
            return LineDiff.toHtml(rung.id() + " is the baseline: its whole source", LineDiff.diff(List.of(),
                    read(sourceFile(rung)).lines().toList()));
        }
        Path before = sourceFile(rungs.get(index - 1));
        Path after = sourceFile(rung);
        List<LineDiff.Line> changes = LineDiff.withContext(LineDiff.diff(read(before).lines().toList(),
                read(after).lines().toList()), 3);
        return LineDiff.toHtml("diff " + before.getFileName() + " → " + after.getFileName(), changes);
    }

    /** Profiles a step with Java Flight Recorder for a few seconds and prints where its time goes. */
    public void profile(String step) {
        double seconds = size.equals(journey.sizes().get(0)) ? 2 : 5;
        StepProfiler.Profile profile = journey.profile(data, step, seconds, System.out::println);
        System.out.print(profile.toTable(8));
    }

    /**
     * Verifies and times the selected steps against the baseline (which always runs), printing each
     * "verified:" line and the table.
     */
    public LadderReport ladder(String steps) {
        LadderReport report = journey.runLadder(data, steps, journey.budget(size), System.out::println);
        System.out.print(report.toConsoleTable());
        return report;
    }

    /** Cumulative speedup over the baseline, measured here. */
    public BufferedImage speedupChart(LadderReport report) {
        return LadderCharts.image(LadderCharts.speedup(report));
    }

    /** Time per work item, ours beside the published figures. */
    public BufferedImage timeChart(LadderReport report) {
        return LadderCharts.image(LadderCharts.timePerItem(report));
    }

    /**
     * Lines of code per step (non-blank lines outside comments) beside each step's time per item in
     * {@code report}, both on log axes: what each speedup cost to write and read.
     */
    public BufferedImage codeSizeChart(LadderReport report) {
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
}
