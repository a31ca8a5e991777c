package fasterjava.notebook;

import static fasterjava.notebook.LadderNotebook.printf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.journey.Corrset;
import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.corrset.search.ScoredSet;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.Searches;
import fasterjava.ladder.Step;
import fasterjava.util.Progress;
import fasterjava.util.ProjectPaths;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * What the k-corrset notebooks call, one line per cell: everything a {@link LadderNotebook} offers (data at the
 * notebook's size, a step's source and diff, a profile, the verified-and-timed ladder, charts), plus what only
 * this journey has: the data's shape, the baseline's own check, and the full search.
 */
public final class CorrsetNotebook {
    /** Questions of the subset searched when no full search has been saved: 658,008 sets of 5, seconds. */
    private static final int SUBSET_QUESTIONS = 40;
    private static final String MIN_USERS_POINT = """
            With at least 2 users, r = 1 exactly is easy to reach: two or three users whose set totals happen to line
            up with their grand totals. Such a set says nothing. Asking for at least 10 users makes the answer a
            statistical finding, and a lower r.""";
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

    /**
     * The full search's answers, with and without a meaningful number of users per set: from
     * {@code results/corrset-best.json} when {@code bin/faster reproduce} has written it (the whole search takes
     * minutes), else from a search of the sets within the first {@value #SUBSET_QUESTIONS} questions of this
     * notebook's data (seconds), with a progress line.
     */
    public void best() {
        Path saved = ProjectPaths.results().resolve("corrset-best.json");
        if (Files.isRegularFile(saved)) {
            printSaved(saved);
        } else {
            searchSubset();
        }
    }

    private void printSaved(Path saved) {
        try {
            System.out.println("The full search of every set, from " + ProjectPaths.root().relativize(saved)
                    + " (written by bin/faster reproduce, " + Files.getLastModifiedTime(saved).toString()
                    .substring(0, 16).replace('T', ' ') + " UTC, on the full 60,000 x 200 data set):");
            for (JsonNode search : new ObjectMapper().readTree(saved.toFile())) {
                printf("  at least %2d users: questions %s, r = %s over n = %d users "
                        + "(%,d sets examined in %.1f s)%n", search.path("min_users").asInt(),
                        search.path("indices"), search.path("r").asText(), search.path("n").asInt(),
                        search.path("combinations").asLong(), search.path("seconds").asDouble());
            }
            System.out.println(MIN_USERS_POINT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + saved, e);
        }
    }

    private void searchSubset() {
        Scores scores = scores().questionCount() > SUBSET_QUESTIONS ? scores().firstQuestions(SUBSET_QUESTIONS)
                : scores();
        printf("No results/corrset-best.json yet (bin/faster reproduce writes it; the "
                + "whole search takes minutes), so: every set of %d among %s questions of this notebook's data.%n",
                k(), scores == scores() ? "all " + scores.questionCount() : "the first " + SUBSET_QUESTIONS);
        SearchResult loose = search(scores, SearchRequest.DEFAULT_MIN_USERS, 5);
        printf("at least %d users, the five best:%n", SearchRequest.DEFAULT_MIN_USERS);
        loose.best().forEach(CorrsetNotebook::printSet);
        for (int minUsers : new int[] {10, 5, 4, 3}) {
            SearchResult strict = search(scores, minUsers, 1);
            if (!strict.best().isEmpty()) {
                printf("at least %d users, the best:%n", minUsers);
                strict.best().forEach(CorrsetNotebook::printSet);
                break;
            }
            printf("at least %d users: no set has that many users who answered all %d "
                    + "questions in this data%n", minUsers, k());
        }
        System.out.println(MIN_USERS_POINT);
    }

    private SearchResult search(Scores scores, int minUsers, int top) {
        return Searches.fastest().run(new SearchRequest(scores, k(), minUsers, top,
                Runtime.getRuntime().availableProcessors()), new LineProgress());
    }

    private static void printSet(ScoredSet set) {
        printf("  questions %s: r = %.6f over n = %d users%n", Arrays.toString(set.indices()),
                set.r(), set.n());
    }

    /** A progress line for notebooks: the task, then a mark at every tenth of the work. */
    private static final class LineProgress implements Progress {
        private final AtomicLong done = new AtomicLong();
        private volatile long total;
        private int shown;

        @Override
        public synchronized void start(String task, long total) {
            this.total = total;
            printf("%s, %,d sets:", task, total);
        }

        @Override
        public void advance(long units) {
            long now = done.addAndGet(units);
            if (total > 0) {
                mark((int) Math.min(10, now * 10 / total));
            }
        }

        private synchronized void mark(int tenths) {
            while (shown < tenths) {
                shown++;
                System.out.print(" " + shown * 10 + "%");
            }
        }

        @Override
        public synchronized void finish() {
            System.out.println(" done");
        }
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
