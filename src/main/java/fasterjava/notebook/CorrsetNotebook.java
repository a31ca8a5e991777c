package fasterjava.notebook;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.journey.Corrset;
import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.corrset.search.ScoredSet;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.Step;
import fasterjava.util.Progress;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * What the k-corrset notebooks call, one line per cell: everything a {@link LadderNotebook} offers (data at the
 * notebook's size, a step's source and diff, a profile, the verified-and-timed ladder, charts), plus what only
 * this journey has: the data's shape, the baseline's own check, and the full search.
 */
public final class CorrsetNotebook {
    private final LadderNotebook<CorrsetInput, CorrsetResult> ladder;

    private CorrsetNotebook(LadderNotebook<CorrsetInput, CorrsetResult> ladder) {
        this.ladder = ladder;
    }

    /** Loads the data for the size named by {@code FASTER_SIZE} and says what it is and where we run. */
    public static CorrsetNotebook open() {
        return new CorrsetNotebook(LadderNotebook.open(new CorrsetJourney()));
    }

    public Scores scores() {
        return ladder.data().scores();
    }

    private int k() {
        return ladder.data().k();
    }

    /** The source file of a step ({@code "05"} or {@code "05-int-ids"}), as it is in {@code src/}. */
    public String source(String step) {
        return ladder.source(step);
    }

    /** What changed from the previous step, as coloured HTML: {@code display("text/html", nb.diff("05"))}. */
    public String diff(String step) {
        return ladder.diff(step);
    }

    /** Profiles a step with Java Flight Recorder for a few seconds and prints where its time goes. */
    public void profile(String step) {
        ladder.profile(step);
    }

    /** Checks the baseline itself (spec check figures on the full data, else an exact-sums step); prints it. */
    public void checkBaseline() {
        Corrset.checkBaseline(scores(), ladder.journey().budget(ladder.size()).referenceItems(),
                System.out::println);
    }

    /**
     * Verifies, then times the selected steps against the baseline (which always runs); the cell shows the table.
     * At {@code tiny} the figures shown come from a larger run, labelled (see {@link LadderNotebook#ladder}).
     */
    public LadderFigures ladder(String steps) {
        return ladder.ladder(steps);
    }

    /**
     * Runs your own step through the same harness (verified against the baseline, then timed) and shows it beside
     * this notebook's last ladder run: {@code nb.tryStep("my-bitsets", MyStep::new)}.
     */
    public LadderFigures tryStep(String name, Supplier<? extends Step<CorrsetInput, CorrsetResult>> step) {
        return ladder.tryStep(name, step);
    }

    /** Share of answers scoring above zero, per question: what the generated data look like. */
    public BufferedImage questionChart() {
        Scores scores = scores();
        List<Integer> questions = IntStream.range(0, scores.questionCount()).boxed().toList();
        List<Double> shares = questions.stream().map(q -> (double) Arrays.stream(scores.answerScores(q))
                .filter(v -> v > 0).count() / scores.answerScores(q).length).toList();
        var chart = new CategoryChartBuilder().width(900).height(300)
                .title("Share of answers scoring 1, per question").xAxisTitle("question index")
                .yAxisTitle("share").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisTicksVisible(scores.questionCount() <= 40);
        chart.addSeries("share", questions, shares);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The whole search with the fastest engine: the best set with at least {@code minUsers} users, printed. */
    public void best(int minUsers) {
        SearchResult result = Searches.fastest().run(new SearchRequest(scores(), k(), minUsers, 1,
                Runtime.getRuntime().availableProcessors()), Progress.NONE);
        if (result.best().isEmpty()) {
            System.out.printf(Locale.ROOT, "no set of %d questions has a defined r with at least %d users%n", k(),
                    minUsers);
        }
        for (ScoredSet set : result.best()) {
            System.out.printf(Locale.ROOT, "best with at least %d users: questions %s, r = %.6f over n = %d users%n",
                    minUsers, Arrays.toString(set.indices()), set.r(), set.n());
        }
        System.out.printf(Locale.ROOT, "%,d sets examined (%,d undefined) in %.2f s%n", result.combinations(),
                result.undefined(), result.seconds());
    }

    /** Cumulative speedup over the baseline, measured here. */
    public BufferedImage speedupChart(LadderFigures figures) {
        return ladder.speedupChart(figures);
    }

    /** Time per combination, ours beside the articles' published figures. */
    public BufferedImage timeChart(LadderFigures figures) {
        return ladder.timeChart(figures);
    }
}
