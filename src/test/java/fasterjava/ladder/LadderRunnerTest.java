package fasterjava.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;

/**
 * The harness on a toy ladder that has nothing to do with k-corrset (squares of the first n integers), which is
 * the point: any ladder plugs in by implementing {@link Ladder}.
 */
class LadderRunnerTest {

    /** Input: how many integers exist. Result: their squares. */
    static final class Squares implements Ladder<Integer, long[]> {
        final List<Rung<Integer, long[]>> rungs;

        Squares(List<Rung<Integer, long[]>> rungs) {
            this.rungs = rungs;
        }

        @Override
        public String name() {
            return "squares";
        }

        @Override
        public String unit() {
            return "number";
        }

        @Override
        public List<Rung<Integer, long[]>> rungs() {
            return rungs;
        }

        @Override
        public int availableItems(Integer data) {
            return data;
        }

        @Override
        public Optional<String> mismatch(long[] reference, long[] candidate, int items) {
            for (int i = 0; i < items; i++) {
                if (reference[i] != candidate[i]) {
                    return Optional.of("item " + i + ": " + reference[i] + " vs " + candidate[i]);
                }
            }
            return Optional.empty();
        }

        @Override
        public int size(long[] result) {
            return result.length;
        }

        @Override
        public List<Published> published(String stepId) {
            return stepId.equals("01-multiply") ? List.of(new Published("Paper", "naive", 100, "abacus"))
                    : List.of();
        }
    }

    /** Squares by multiplication, slowed down so it is the slow baseline. */
    static final class Multiply implements Step<Integer, long[]> {
        @Override
        public void prepare(Integer data) {
        }

        @Override
        public long[] compute(int items) {
            long[] out = new long[items];
            for (int i = 0; i < items; i++) {
                long square = 0;
                for (int j = 0; j < i; j++) {
                    square += i;
                }
                out[i] = square;
            }
            return out;
        }
    }

    /** Squares as running sums of odd numbers; {@code wrongFrom} injects an error at that item. */
    static final class OddSums implements Step<Integer, long[]> {
        final int wrongFrom;

        OddSums(int wrongFrom) {
            this.wrongFrom = wrongFrom;
        }

        @Override
        public void prepare(Integer data) {
        }

        @Override
        public long[] compute(int items) {
            long[] out = new long[items];
            long square = 0;
            for (int i = 0; i < items; i++) {
                out[i] = i >= wrongFrom ? square + 1 : square;
                square += 2L * i + 1;
            }
            return out;
        }
    }

    private static final Budget BUDGET = new Budget(50, 0.01, 200_000, 2, 0.5);

    private static Rung<Integer, long[]> rung(String number, String slug, java.util.function.Supplier<Step<Integer,
            long[]>> factory) {
        return new Rung<>(number, slug, slug, factory);
    }

    @Test
    void verifiesThenTimesEveryStep() {
        Squares ladder = new Squares(List.of(rung("01", "multiply", Multiply::new),
                rung("02", "odd-sums", () -> new OddSums(Integer.MAX_VALUE))));
        List<String> log = new ArrayList<>();
        LadderReport report = new LadderRunner<>(ladder, BUDGET, log::add).run(1_000_000, ladder.rungs(), "toy");
        assertEquals(List.of("01-multiply", "02-odd-sums"), report.steps().stream().map(StepTiming::id).toList());
        StepTiming fast = report.step("02-odd-sums");
        assertTrue(fast.verification().startsWith("verified: 02-odd-sums equals the baseline on the first 50"),
                fast.verification());
        assertTrue(fast.items() >= 50 && fast.items() <= 200_000);
        assertTrue(fast.runs() >= 1 && fast.runs() <= 2);
        assertEquals(1.0, report.speedupOverBaseline(0), 1e-12);
        assertTrue(Double.isNaN(report.speedupOverPrevious(0)));
        int verified = indexOf(log, "verified: 02-odd-sums");
        int timed = -1;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).startsWith("02-odd-sums: ") && log.get(i).contains(" per number")) {
                timed = i;
            }
        }
        assertTrue(verified >= 0 && verified < timed, log.toString());
        assertTrue(report.toConsoleTable().contains("naive (Paper): 100 ns"), report.toConsoleTable());
        assertEquals(3, report.toCsv().lines().count());
    }

    @Test
    void aWrongStepStopsTheRunBeforeItIsTimed() {
        Squares ladder = new Squares(List.of(rung("01", "multiply", Multiply::new),
                rung("02", "odd-sums", () -> new OddSums(7))));
        List<String> log = new ArrayList<>();
        VerificationException error = assertThrows(VerificationException.class,
                () -> new LadderRunner<>(ladder, BUDGET, log::add).run(1_000, ladder.rungs(), "toy"));
        assertTrue(error.getMessage().contains("02-odd-sums differs from the baseline: item 7"), error.getMessage());
        assertFalse(log.stream().anyMatch(l -> l.startsWith("02-odd-sums:") && l.contains(" per ")), log.toString());
    }

    @Test
    void anErrorBeyondTheBaselinesItemsIsCaughtAgainstEarlierSteps() {
        // Step 03 is right on the baseline's 50 items but wrong later; step 02 computed far more, correctly.
        Squares ladder = new Squares(List.of(rung("01", "multiply", Multiply::new),
                rung("02", "odd-sums", () -> new OddSums(Integer.MAX_VALUE)),
                rung("03", "odd-sums-late-bug", () -> new OddSums(120))));
        VerificationException error = assertThrows(VerificationException.class,
                () -> new LadderRunner<>(ladder, BUDGET, s -> { }).run(1_000_000, ladder.rungs(), "toy"));
        assertTrue(error.getMessage().contains(
                "03-odd-sums-late-bug differs from the earlier steps' results: item 120"),
                error.getMessage());
    }

    @Test
    void theBaselineRunsEvenWhenNotSelected() {
        Squares ladder = new Squares(List.of(rung("01", "multiply", Multiply::new),
                rung("02", "odd-sums", () -> new OddSums(Integer.MAX_VALUE))));
        LadderReport report = new LadderRunner<>(ladder, BUDGET, s -> { }).run(10_000,
                StepSelection.parse("02", ladder.rungs()), "toy");
        assertEquals(1, report.steps().size());
        assertEquals("01-multiply", report.baseline().id());
        assertTrue(report.speedupOverBaseline(0) > 0);
    }

    @Test
    void chartsRenderHeadlessWithOneBarPerValue(@TempDir Path dir) throws Exception {
        Squares ladder = new Squares(List.of(rung("01", "multiply", Multiply::new),
                rung("02", "odd-sums", () -> new OddSums(Integer.MAX_VALUE))));
        LadderReport report = new LadderRunner<>(ladder, BUDGET, s -> { }).run(10_000, ladder.rungs(), "toy");
        CategoryChart time = LadderCharts.timePerItem(report);
        // Ours for both steps, the published figure for step 01 only: three bars.
        assertEquals(2, time.getSeriesMap().size());
        assertEquals(3, time.getSeriesMap().values().stream()
                .mapToLong(s -> s.getYData().stream().filter(Objects::nonNull).count()).sum());
        assertEquals(2, LadderCharts.speedup(report).getSeriesMap().values().iterator().next().getYData().size());

        List<Path> files = LadderResults.write(report, dir);
        BufferedImage png = ImageIO.read(files.get(2).toFile());
        assertEquals(LadderCharts.WIDTH, png.getWidth());
        assertEquals(LadderCharts.HEIGHT, png.getHeight());
        assertTrue(distinctColours(png) > 5, "the chart is not blank");
        try (var listing = Files.list(dir)) {
            assertFalse(listing.anyMatch(p -> p.toString().contains("partial")), "no temporary files left");
        }
    }

    /** Records when it is closed, and whether it was computed after that. */
    static final class Closing implements Step<Integer, long[]> {
        final List<String> events;
        final String name;
        final Step<Integer, long[]> inner;

        Closing(List<String> events, String name, Step<Integer, long[]> inner) {
            this.events = events;
            this.name = name;
            this.inner = inner;
        }

        @Override
        public void prepare(Integer data) {
            events.add(name + " prepared");
        }

        @Override
        public long[] compute(int items) {
            assertFalse(events.contains(name + " closed"), name + " computed after close");
            return inner.compute(items);
        }

        @Override
        public void close() {
            events.add(name + " closed");
        }
    }

    @Test
    void eachStepIsClosedBeforeTheNextIsPreparedAlsoWhenItFails() {
        List<String> events = new ArrayList<>();
        Squares ladder = new Squares(List.of(rung("01", "multiply", () -> new Closing(events, "01", new Multiply())),
                rung("02", "odd-sums", () -> new Closing(events, "02", new OddSums(Integer.MAX_VALUE))),
                rung("03", "wrong", () -> new Closing(events, "03", new OddSums(3)))));
        new LadderRunner<>(ladder, BUDGET, s -> { }).run(10_000, ladder.rungs().subList(0, 2), "toy");
        assertEquals(List.of("01 prepared", "01 closed", "02 prepared", "02 closed"), events);
        events.clear();
        assertThrows(VerificationException.class,
                () -> new LadderRunner<>(ladder, BUDGET, s -> { }).run(10_000, ladder.rungs(), "toy"));
        assertEquals("03 closed", events.get(events.size() - 1), events.toString());
    }

    @Test
    void aLinearAxisIsAChoice() {
        Squares ladder = new Squares(List.of(rung("01", "multiply", Multiply::new),
                rung("02", "odd-sums", () -> new OddSums(Integer.MAX_VALUE))));
        LadderReport report = new LadderRunner<>(ladder, BUDGET, s -> { }).run(10_000, ladder.rungs(), "toy");
        assertTrue(LadderCharts.timePerItem(report).getStyler().isYAxisLogarithmic());
        CategoryChart linear = LadderCharts.timePerItem(report, LadderCharts.Axis.LINEAR);
        assertFalse(linear.getStyler().isYAxisLogarithmic());
        assertTrue(linear.getTitle().contains("linear scale"), linear.getTitle());
        assertFalse(LadderCharts.speedup(report, LadderCharts.Axis.LINEAR).getStyler().isYAxisLogarithmic());
        assertTrue(distinctColours(LadderCharts.image(linear)) > 5, "the chart is not blank");
    }

    /** The toy ladder as a journey: sizes are numbers of integers. */
    static final class SquaresJourney implements Journey<Integer, long[]> {
        final Squares ladder = new Squares(List.of(rung("01", "multiply", Multiply::new),
                rung("02", "odd-sums", () -> new OddSums(Integer.MAX_VALUE))));

        @Override
        public Ladder<Integer, long[]> ladder() {
            return ladder;
        }

        @Override
        public Integer open(String size, java.util.function.Consumer<String> log) {
            return switch (checkSize(size)) {
                case "tiny" -> 1_000;
                case "small" -> 10_000;
                default -> 100_000;
            };
        }

        @Override
        public Integer load(Path file, java.util.function.Consumer<String> log) {
            throw new UnsupportedOperationException("the toy has no files");
        }

        @Override
        public Budget budget(String size) {
            return BUDGET;
        }

        @Override
        public String describe(Integer data) {
            return data + " integers";
        }

        @Override
        public String stepPackage() {
            return "fasterjava.ladder";
        }
    }

    @Test
    void aJourneyRunsItsLadderAndChecksSizes() {
        SquaresJourney journey = new SquaresJourney();
        assertEquals("squares", journey.spec());
        LadderReport report = journey.runLadder(journey.open("Tiny", s -> { }), "02", journey.budget("tiny"),
                s -> { });
        assertEquals("1000 integers", report.data());
        assertEquals(List.of("02-odd-sums"), report.steps().stream().map(StepTiming::id).toList());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> journey.open("huge", s -> { }));
        assertEquals("unknown size 'huge' for squares: expected tiny, small, full", error.getMessage());
    }

    @Test
    void stepSelectionParsesNumbersRangesAndIds() {
        Squares ladder = new Squares(List.of(rung("01", "a", Multiply::new), rung("02", "b", Multiply::new),
                rung("03", "c", Multiply::new), rung("04", "d", Multiply::new)));
        assertEquals(List.of("02-b", "03-c", "04-d"), ids(StepSelection.parse("02-04", ladder.rungs())));
        assertEquals(List.of("01-a", "03-c"), ids(StepSelection.parse("03,1", ladder.rungs())));
        assertEquals(List.of("04-d"), ids(StepSelection.parse("04-d", ladder.rungs())));
        assertEquals(4, StepSelection.parse("all", ladder.rungs()).size());
        assertThrows(IllegalArgumentException.class, () -> StepSelection.parse("05", ladder.rungs()));
        assertThrows(IllegalArgumentException.class, () -> StepSelection.parse("03-01", ladder.rungs()));
    }

    private static List<String> ids(List<Rung<Integer, long[]>> rungs) {
        return rungs.stream().map(Rung::id).toList();
    }

    private static int indexOf(List<String> log, String prefix) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static long distinctColours(BufferedImage image) {
        return Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .distinct().limit(100).count();
    }
}
