package fasterjava.notebook;

import fasterjava.corrset.Corrset;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.CorrsetScale;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.search.ScoredSet;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.corrset.steps.CorrsetSteps;
import fasterjava.ladder.LadderCharts;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.Machine;
import fasterjava.ladder.Rung;
import fasterjava.ladder.StepProfiler;
import fasterjava.ladder.StepSelection;
import fasterjava.util.ProjectPaths;
import fasterjava.util.Progress;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the k-corrset notebooks call, one line per cell: the data at the notebook's size, a step's source and its
 * diff against the previous step, a profile, the verified-and-timed ladder, and charts.
 *
 * <p>The size comes from the {@code FASTER_SIZE} environment variable ({@code tiny}, {@code small} or
 * {@code full}; default {@code tiny}): CI executes every notebook at {@code tiny}, a workshop runs {@code small}
 * or {@code full}. Output goes to {@code System.out}, which the kernel shows under the cell.
 */
public final class CorrsetNotebook {
    public static final String SIZE_VARIABLE = "FASTER_SIZE";
    private static final int K = 5;

    private final CorrsetScale scale;
    private final Scores scores;

    private CorrsetNotebook(CorrsetScale scale) {
        this.scale = scale;
        this.scores = Corrset.load(scale, System.out::println);
    }

    /** Loads the data for the size named by {@code FASTER_SIZE} and says what it is and where we run. */
    public static CorrsetNotebook open() {
        String size = System.getenv(SIZE_VARIABLE);
        CorrsetNotebook notebook = new CorrsetNotebook(CorrsetScale.parse(size == null || size.isBlank() ? "tiny"
                : size));
        System.out.println("size: " + notebook.scale.name().toLowerCase(Locale.ROOT) + " — "
                + Corrset.describe(notebook.scores, K));
        System.out.println("machine: " + Machine.describe());
        return notebook;
    }

    public Scores scores() {
        return scores;
    }

    /** The source file of a step ({@code "05"} or {@code "05-int-ids"}), as it is in {@code src/}. */
    public String source(String step) {
        return read(sourceFile(StepSelection.find(step, CorrsetSteps.all())));
    }

    /** What changed from the previous step, as coloured HTML: {@code display("text/html", nb.diff("05"))}. */
    public String diff(String step) {
        List<Rung<CorrsetInput, CorrsetResult>> rungs = CorrsetSteps.all();
        Rung<CorrsetInput, CorrsetResult> rung = StepSelection.find(step, rungs);
        int index = rungs.indexOf(rung);
        if (index == 0) {
            return LineDiff.toHtml(rung.id() + " is the baseline: its whole source", LineDiff.diff(List.of(),
                    lines(source(step))));
        }
        Rung<CorrsetInput, CorrsetResult> previous = rungs.get(index - 1);
        Path before = sourceFile(previous);
        Path after = sourceFile(rung);
        List<LineDiff.Line> changes = LineDiff.withContext(LineDiff.diff(lines(read(before)), lines(read(after))),
                3);
        return LineDiff.toHtml("diff " + before.getFileName() + " → " + after.getFileName(), changes);
    }

    /** Profiles a step with Java Flight Recorder for a few seconds and prints where its time goes. */
    public void profile(String step) {
        double seconds = scale == CorrsetScale.TINY ? 2 : 5;
        StepProfiler.Profile profile = Corrset.profile(scores, K, step, seconds, System.out::println);
        System.out.print(profile.toTable(8));
    }

    /** Checks the baseline itself (spec check figures on the full data, else an exact-sums step); prints it. */
    public void checkBaseline() {
        Corrset.checkBaseline(scores, scale.budget().referenceItems(), System.out::println);
    }

    /**
     * Verifies and times the selected steps against the baseline (which always runs), printing each
     * "verified:" line and the table.
     */
    public LadderReport ladder(String steps) {
        LadderReport report = Corrset.runLadder(scores, K, steps, scale.budget(), System.out::println);
        System.out.print(report.toConsoleTable());
        return report;
    }

    /** Share of answers scoring above zero, per question: what the generated data look like. */
    public BufferedImage questionChart() {
        List<Integer> questions = java.util.stream.IntStream.range(0, scores.questionCount()).boxed().toList();
        List<Double> shares = questions.stream().map(q -> (double) java.util.Arrays.stream(scores.answerScores(q))
                .filter(v -> v > 0).count() / scores.answerScores(q).length).toList();
        var chart = new org.knowm.xchart.CategoryChartBuilder().width(900).height(300)
                .title("Share of answers scoring 1, per question").xAxisTitle("question index")
                .yAxisTitle("share").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisTicksVisible(scores.questionCount() <= 40);
        chart.addSeries("share", questions, shares);
        return org.knowm.xchart.BitmapEncoder.getBufferedImage(chart);
    }

    /** The whole search with the fastest engine: the best set with at least {@code minUsers} users, printed. */
    public void best(int minUsers) {
        SearchResult result = Searches.fastest().run(new SearchRequest(scores, K, minUsers, 1,
                Runtime.getRuntime().availableProcessors()), Progress.NONE);
        if (result.best().isEmpty()) {
            System.out.printf(Locale.ROOT, "no set of %d questions has a defined r with at least %d users%n", K,
                    minUsers);
        }
        for (ScoredSet set : result.best()) {
            System.out.printf(Locale.ROOT, "best with at least %d users: questions %s, r = %.6f over n = %d users%n",
                    minUsers, java.util.Arrays.toString(set.indices()), set.r(), set.n());
        }
        System.out.printf(Locale.ROOT, "%,d sets examined (%,d undefined) in %.2f s%n", result.combinations(),
                result.undefined(), result.seconds());
    }

    /** Cumulative speedup over the baseline, measured here. */
    public BufferedImage speedupChart(LadderReport report) {
        return LadderCharts.image(LadderCharts.speedup(report));
    }

    /** Time per combination, ours beside the articles' published figures. */
    public BufferedImage timeChart(LadderReport report) {
        return LadderCharts.image(LadderCharts.timePerItem(report));
    }

    static Path sourceFile(Rung<?, ?> rung) {
        Path dir = ProjectPaths.root().resolve("src/main/java/fasterjava/corrset/steps");
        String prefix = "Step" + rung.number();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no source for step " + rung.id() + " in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }
}
