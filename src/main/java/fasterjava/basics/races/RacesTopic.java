package fasterjava.basics.races;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.ladder.LadderCharts;
import fasterjava.ladder.Units;
import fasterjava.ladder.VerificationException;
import fasterjava.util.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Races: two threads changing shared data without coordination — the text's two examples in Java — and the fixes.
 *
 * <p>The claim: when two threads read and write the same data without coordination, the result depends on how their
 * steps interleave. The text shows it twice. Two threads move elements between two shared lists, one in each
 * direction; afterwards elements can be missing or present twice, and a thread can die of an exception inside the
 * list's own code. One thread increments a shared counter while another decrements it as often; the final count should
 * be zero and often is not, because {@code count++} is a read, an add and a write, and the other thread's write can
 * land in between.
 *
 * <p>Java has no global interpreter lock: its threads run at the same time on different cores. Both programs run over
 * repeated trials, two fresh threads released together each time, and every trial's outcome is counted: right, lost or
 * duplicated elements, null slots, {@code ArrayIndexOutOfBoundsException}, {@code ConcurrentModificationException}, a
 * wrong count. The list race comes in two forms: popping the last element and appending it to the other list, one at a
 * time; and moving a whole list with a for-each loop, then clearing it. The counter race comes with a plain field and
 * with a {@code volatile} one. Then the fixes, each checked to be right in every trial and timed with both threads
 * contending: {@code synchronized} and a {@code ReentrantLock} around each move or update; a
 * {@code ConcurrentLinkedDeque}, whose single operations are atomic without a lock; {@code AtomicLong}, one atomic
 * instruction per update; and {@code LongAdder}, which lets contending threads add into separate cells and sums them
 * when read.
 *
 * <p>What this means: how often a racy variant goes wrong depends on the machine, the JIT and what else runs, so a run
 * in which it went right every time proves nothing — on two busy cores that can happen. A plain field can even look
 * safe: the JIT may keep it in a register for a whole loop, so the threads barely overlap on it, and the race is still
 * there. {@code volatile} sends every update through memory and does not make {@code ++} atomic. The fixes are right
 * by construction, not by luck.
 */
public final class RacesTopic implements Topic {
    /** Trials, element moves per thread and counter updates per thread at each size. */
    private record Plan(int trials, int moves, int updates) {
        static Plan of(Size size) {
            return switch (size) {
                case TINY -> new Plan(20, 20_000, 200_000);
                case SMALL -> new Plan(100, 200_000, 500_000);
                case FULL -> new Plan(100, 2_000_000, 2_000_000);
            };
        }
    }

    @Override
    public String number() {
        return "07";
    }

    @Override
    public String slug() {
        return "races";
    }

    @Override
    public String title() {
        return "Races: shared lists and a shared counter";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        Plan plan = Plan.of(size);
        List<Races.Summary> summaries = new ArrayList<>();
        for (Races.ListVariant variant : Races.ListVariant.values()) {
            summaries.add(checked(Races.listTrials(variant, plan.trials(), plan.moves()), log));
        }
        for (Races.CounterVariant variant : Races.CounterVariant.values()) {
            summaries.add(checked(Races.counterTrials(variant, plan.trials(), plan.updates()), log));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Races.Summary s : summaries) {
            rows.add(List.of(s.race(), s.variant(), s.racy() ? "none" : "yes", Integer.toString(s.trials()),
                    Integer.toString(s.correct()), s.describeOutcomes(), Double.isNaN(s.nanosPerOperation()) ? "-"
                            : Units.nanos(s.nanosPerOperation())));
        }
        TextTable table = new TextTable(List.of("race", "variant", "coordination", "trials", "right",
                "what went wrong (trials)", "per operation"), rows);
        String context = TopicReport.contextLine(size, String.format(Locale.ROOT, "%d trials per variant; lists of "
                + "%d elements each, %,d element moves per thread; %,d counter updates per thread; time per "
                + "operation is the median trial's, both threads together", plan.trials(), Races.PER_LIST,
                plan.moves(), plan.updates()));
        return new TopicReport(slug(), title(), context, findings(summaries), table, List.of(),
                List.of(outcomeChart(summaries), costChart(summaries)));
    }

    /** Logs a variant's result; a fix that went wrong even once is a failed check, and stops the topic. */
    private static Races.Summary checked(Races.Summary summary, Consumer<String> log) {
        if (summary.racy()) {
            log.accept(String.format(Locale.ROOT, "%s, %s: right in %d of %d trials (%s)", summary.race(),
                    summary.variant(), summary.correct(), summary.trials(), summary.describeOutcomes()));
        } else if (summary.correct() == summary.trials()) {
            log.accept(String.format(Locale.ROOT, "verified: %s, %s: right in all %d trials", summary.race(),
                    summary.variant(), summary.trials()));
        } else {
            throw new VerificationException(summary.race() + ", " + summary.variant() + " is meant to be safe but "
                    + "was wrong in " + (summary.trials() - summary.correct()) + " of " + summary.trials()
                    + " trials: " + summary.describeOutcomes());
        }
        return summary;
    }

    private static List<String> findings(List<Races.Summary> summaries) {
        List<String> findings = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (Races.Summary s : summaries) {
            if (s.racy()) {
                findings.add(String.format(Locale.ROOT, "%s, %s (no coordination): wrong in %d of %d trials — %s.",
                        capitalized(s.race()), s.variant(), s.trials() - s.correct(), s.trials(),
                        s.describeOutcomes()));
            } else {
                fixes.add(s.variant() + " " + Units.nanos(s.nanosPerOperation()));
            }
        }
        findings.add("Every fix was right in every trial; time per operation with both threads contending: "
                + String.join(", ", fixes) + ".");
        return findings;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> names(List<Races.Summary> summaries) {
        return summaries.stream().map(s -> s.race() + ": " + s.variant()).toList();
    }

    /** Right and wrong trials per variant, stacked. */
    private static CategoryChart outcomeChart(List<Races.Summary> summaries) {
        CategoryChart chart = new CategoryChartBuilder().width(LadderCharts.WIDTH).height(LadderCharts.HEIGHT)
                .title("Races: trials with a right and a wrong result, per variant").yAxisTitle("trials").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.addSeries("right", names(summaries), summaries.stream().map(s -> (Number) s.correct()).toList());
        chart.addSeries("wrong", names(summaries), summaries.stream().map(s -> (Number) (s.trials() - s.correct()))
                .toList());
        return chart;
    }

    /** Time per operation, per variant, both threads contending (racy variants where neither thread threw). */
    private static CategoryChart costChart(List<Races.Summary> summaries) {
        CategoryChart chart = new CategoryChartBuilder().width(LadderCharts.WIDTH).height(LadderCharts.HEIGHT)
                .title("Races: time per operation, two threads contending (median trial)").yAxisTitle("ns").build();
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setOverlapped(true);
        List<String> names = names(summaries);
        chart.addSeries("no coordination", names, summaries.stream()
                .map(s -> s.racy() && !Double.isNaN(s.nanosPerOperation()) ? (Number) s.nanosPerOperation() : null)
                .toList());
        chart.addSeries("fixed", names, summaries.stream()
                .map(s -> s.racy() ? null : (Number) s.nanosPerOperation()).toList());
        return chart;
    }
}
