package fasterjava.basics.processes;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.ladder.LadderCharts;
import fasterjava.ladder.Units;
import fasterjava.ladder.VerificationException;
import fasterjava.util.TextTable;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;
import java.util.zip.CRC32;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Threads versus processes: one CPU-bound task on threads and on worker JVM processes, and the measured speedups
 * against Amdahl's law.
 *
 * <p>The claim: in the text's Python, a global interpreter lock lets only one thread run Python bytecode at a time, so
 * CPU-bound work gains nothing from threads and must be spread over processes — each with its own interpreter, its own
 * start-up, and data that has to be copied to it. However the work is spread, Amdahl's law caps the gain: if a
 * fraction s of a task's one-worker time cannot be parallelized, n workers give at most a speedup of 1 / (s + (1 − s)
 * / n), and no number of workers beats 1 / s. The text asks: if 10% cannot be parallelized, what is the maximum
 * speedup?
 *
 * <p>Java has no such lock: its threads run bytecode on all cores at once, sharing one heap. The task — a hash summed
 * over a range of integers, checked against one thread's answer — runs on 1, 2, … threads (up to the core count, and
 * twice it), and on as many worker JVM processes: this project's own small main class, started with the same
 * {@code java} and class path, receiving its range on standard input and answering on standard output. The processes
 * are timed cold (start-up included) and again warm; a worker's start-up and the cost of passing it a block of bytes
 * through the pipe are measured on their own. Then the task gets a serial part of 0, 10, 25 and 50% (the first part of
 * the range summed on one thread before the rest is split), and the measured speedups are drawn against Amdahl's
 * curves.
 *
 * <p>What this means: in Java, threads are the way to put the cores to work on CPU-bound code, and processes pay for
 * their isolation with start-up and copying. Amdahl's answer to the text's question is 10x, the limit as the workers
 * grow; the curves show how slowly it is approached (with 10% serial, 16 workers give 6.4x), while a machine with few
 * cores sits at the steep start of the curves, where a serial part costs little. Shrinking the serial part pays more
 * than adding workers.
 */
public final class ProcessesTopic implements Topic {
    private static final double[] SERIAL_FRACTIONS = {0, 0.10, 0.25, 0.50};
    /** One colour per serial part, shared by its law curve and its measured points. */
    private static final Color[] SERIES_COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd)};
    private static final int[] FORMULA_WORKERS = {2, 4, 8, 16, 64, 1024};
    private static final long SEED = 42;
    private static final int JIT_WARM_UP_CALLS = 20_000;

    /** Hash-sum elements, timed runs per point (the best is kept) and bytes passed to a worker, per size. */
    private record Plan(long elements, int runs, int transferMib) {
        static Plan of(Size size) {
            return switch (size) {
                case TINY -> new Plan(1L << 24, 3, 8);
                case SMALL -> new Plan(1L << 28, 3, 32);
                case FULL -> new Plan(1L << 31, 5, 256);
            };
        }
    }

    @Override
    public String number() {
        return "08";
    }

    @Override
    public String slug() {
        return "processes";
    }

    @Override
    public String title() {
        return "Threads vs processes, and Amdahl's law";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        Plan plan = Plan.of(size);
        int cores = Runtime.getRuntime().availableProcessors();
        warmUp();
        long expected = HashWork.sum(0, plan.elements());
        log.accept(String.format(Locale.ROOT, "reference: one thread's hash sum over %,d integers = %d",
                plan.elements(), expected));

        List<Integer> threadCounts = new ArrayList<>();
        for (int n = 1; n <= Math.max(2, cores); n++) {
            threadCounts.add(n);
        }
        // Amdahl's law is about the cores; the threads beyond them are shown once, in the plain runs.
        List<Integer> amdahlCounts = List.copyOf(threadCounts);
        threadCounts.add(2 * Math.max(2, cores));
        Map<Integer, Long> threadNanos = bestInterleaved(plan.runs(), expected, threadCounts,
                n -> Parallel.onThreads(0, plan.elements(), n));
        threadNanos.forEach((n, nanos) -> log.accept(String.format(Locale.ROOT, "%d thread(s): %s", n,
                Units.nanos(nanos))));
        log.accept("verified: every thread count gave the reference sum");

        try {
            Map<Integer, Parallel.ProcessRun> processRuns = new LinkedHashMap<>();
            for (int n = 1; n <= Math.max(2, cores); n++) {
                Parallel.ProcessRun run = Parallel.onProcesses(plan.elements(), n);
                if (run.sum() != expected) {
                    throw new VerificationException(n + " worker processes gave " + run.sum() + ", expected "
                            + expected);
                }
                processRuns.put(n, run);
                log.accept(String.format(Locale.ROOT, "%d process(es): %s cold (with start-up), %s warm", n,
                        Units.nanos(run.coldNanos()), Units.nanos(run.warmNanos())));
            }
            log.accept("verified: every process count gave the reference sum, twice; all workers stopped");

            byte[] data = new byte[plan.transferMib() << 20];
            new SplittableRandom(SEED).nextBytes(data);
            CRC32 crc = new CRC32();
            crc.update(data);
            Parallel.Overheads overheads = Parallel.overheads(data, crc.getValue(), plan.runs());
            log.accept(String.format(Locale.ROOT, "verified: %d MiB passed to a worker %d times, its checksum "
                    + "equal to ours each time; worker stopped", plan.transferMib(), plan.runs()));

            Map<Double, Map<Integer, Long>> amdahlNanos = new LinkedHashMap<>();
            for (double serial : SERIAL_FRACTIONS) {
                Map<Integer, Long> byThreads = bestInterleaved(plan.runs(), expected, amdahlCounts,
                        n -> Parallel.withSerialPart(plan.elements(), serial, n));
                amdahlNanos.put(serial, byThreads);
                int most = Math.max(2, cores);
                log.accept(String.format(Locale.ROOT, "serial part %.0f%%: speedup %s on %d threads (Amdahl: %s)",
                        serial * 100, Units.ratio(speedup(byThreads, most)), most,
                        Units.ratio(Parallel.amdahl(serial, Math.min(most, cores)))));
            }
            log.accept("verified: every serial part and thread count gave the reference sum");
            return report(size, plan, cores, threadNanos, processRuns, overheads, amdahlNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("worker processes", e);
        }
    }

    /** Compiles the hash loop before any timing. */
    private static void warmUp() {
        long sink = 0;
        for (int i = 0; i < JIT_WARM_UP_CALLS; i++) {
            sink += HashWork.sum(i, i + 1000);
        }
        if (sink == 0) {
            throw new VerificationException("the warm-up's hash sums were all zero");
        }
    }

    /**
     * The fastest of {@code runs} runs for each thread count, each checked to give {@code expected}. The counts
     * take turns within every round, so a busy spell on a shared machine slows all of them alike instead of
     * whichever count happened to run during it.
     */
    private static Map<Integer, Long> bestInterleaved(int runs, long expected, List<Integer> threadCounts,
            IntToLongFunction task) {
        Map<Integer, Long> best = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            for (int n : threadCounts) {
                long start = System.nanoTime();
                long sum = task.applyAsLong(n);
                best.merge(n, System.nanoTime() - start, Math::min);
                if (sum != expected) {
                    throw new VerificationException(n + " thread(s) gave " + sum + ", expected " + expected);
                }
            }
        }
        return best;
    }

    /** One thread's time over {@code n} threads'. */
    private static double speedup(Map<Integer, Long> nanosByThreads, int n) {
        return (double) nanosByThreads.get(1) / nanosByThreads.get(n);
    }

    private TopicReport report(Size size, Plan plan, int cores, Map<Integer, Long> threadNanos,
            Map<Integer, Parallel.ProcessRun> processRuns, Parallel.Overheads overheads,
            Map<Double, Map<Integer, Long>> amdahlNanos) {
        List<List<String>> rows = new ArrayList<>();
        double oneThread = threadNanos.get(1);
        threadNanos.forEach((n, nanos) -> rows.add(List.of("threads", Integer.toString(n), "0%", Units.nanos(nanos),
                Units.ratio(oneThread / nanos), Units.ratio(Parallel.amdahl(0, Math.min(n, cores))))));
        processRuns.forEach((n, run) -> {
            rows.add(List.of("processes, cold (JVM start-up included)", Integer.toString(n), "0%",
                    Units.nanos(run.coldNanos()), Units.ratio(oneThread / run.coldNanos()), "-"));
            rows.add(List.of("processes, warm", Integer.toString(n), "0%", Units.nanos(run.warmNanos()),
                    Units.ratio(oneThread / run.warmNanos()), Units.ratio(Parallel.amdahl(0, Math.min(n, cores)))));
        });
        amdahlNanos.forEach((serial, byThreads) -> {
            double one = byThreads.get(1);
            byThreads.forEach((n, nanos) -> rows.add(List.of("threads with a serial part", Integer.toString(n),
                    percent(serial), Units.nanos(nanos), Units.ratio(one / nanos),
                    Units.ratio(Parallel.amdahl(serial, Math.min(n, cores))))));
        });
        rows.add(List.of("worker start-up, to its first answer", "1", "-", Units.nanos(overheads.startNanos()), "-",
                "-"));
        rows.add(List.of("passing " + plan.transferMib() + " MiB to a worker and back its checksum", "1", "-",
                Units.nanos(overheads.transferNanos()), "-", "-"));
        TextTable table = new TextTable(List.of("run", "workers", "serial part", "time", "speedup",
                "Amdahl (workers capped at " + cores + " cores)"), rows);

        List<String> findings = new ArrayList<>();
        int most = Math.max(2, cores);
        List<String> scaling = new ArrayList<>();
        threadNanos.forEach((n, nanos) -> {
            if (n > 1) {
                scaling.add(n + " threads " + Units.ratio(oneThread / nanos));
            }
        });
        findings.add("The CPU-bound task on threads, speedup over one thread: " + String.join(", ", scaling) + " ("
                + cores + " cores; Java threads run bytecode in parallel, so the ideal is " + cores + "x from " + cores
                + " threads on).");
        Parallel.ProcessRun mostProcesses = processRuns.get(most);
        findings.add(String.format(Locale.ROOT, "On %d worker processes: %s cold (start-up included), %s warm, "
                + "against %s on %d threads. A worker JVM takes %s from start to its first answer; passing it %d MiB "
                + "through a pipe takes %s (%.0f MB/s), where threads share the array for nothing.", most,
                Units.nanos(mostProcesses.coldNanos()), Units.nanos(mostProcesses.warmNanos()),
                Units.nanos(threadNanos.get(most)), most, Units.nanos(overheads.startNanos()),
                plan.transferMib(), Units.nanos(overheads.transferNanos()), overheads.megabytesPerSecond()));
        Map<Integer, Long> tenPercent = amdahlNanos.get(0.10);
        List<String> formula = new ArrayList<>();
        for (int n : FORMULA_WORKERS) {
            formula.add(n + " → " + Units.ratio(Parallel.amdahl(0.10, n)));
        }
        findings.add(String.format(Locale.ROOT, "With 10%% of the task serial: measured %s on %d threads "
                + "(Amdahl's law: %s). The law for more workers: %s; the limit, however many, is 1 / 0.10 = 10x.",
                Units.ratio(speedup(tenPercent, most)), most, Units.ratio(Parallel.amdahl(0.10, Math.min(cores, most))),
                String.join(", ", formula)));
        List<String> measured = new ArrayList<>();
        amdahlNanos.forEach((serial, byThreads) -> measured.add(percent(serial) + " serial " + Units.ratio(
                speedup(byThreads, most)) + " (law " + Units.ratio(Parallel.amdahl(serial, Math.min(cores, most)))
                + ")"));
        findings.add("Measured speedups on " + most + " threads against the law: " + String.join(", ", measured)
                + ".");
        String context = TopicReport.contextLine(size, String.format(Locale.ROOT, "hash sum over %,d integers, best "
                + "of %d runs per point; worker processes: %s", plan.elements(), plan.runs(),
                String.join(" ", WorkerProcess.command("java", "<project classes>"))));
        return new TopicReport(slug(), title(), context, findings, table, List.of(),
                List.of(amdahlChart(amdahlNanos, cores), timesChart(threadNanos, processRuns)));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** Amdahl's curves for each serial part (log2 workers) and the speedups measured on this machine's threads. */
    private static XYChart amdahlChart(Map<Double, Map<Integer, Long>> amdahlNanos, int cores) {
        XYChart chart = new XYChartBuilder().width(LadderCharts.WIDTH).height(LadderCharts.HEIGHT)
                .title("Amdahl's law (lines) and measured speedups (points) on " + cores + " cores, log-log")
                .xAxisTitle("workers").yAxisTitle("speedup over one worker").build();
        // Log on both axes: the measured points sit at a few workers, where linear axes would squash them.
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        int maxWorkers = FORMULA_WORKERS[FORMULA_WORKERS.length - 2];
        int index = 0;
        for (Map.Entry<Double, Map<Integer, Long>> entry : amdahlNanos.entrySet()) {
            double serial = entry.getKey();
            Color color = SERIES_COLORS[index++ % SERIES_COLORS.length];
            List<Double> workers = new ArrayList<>();
            List<Double> law = new ArrayList<>();
            for (int n = 1; n <= maxWorkers; n++) {
                workers.add((double) n);
                law.add(Parallel.amdahl(serial, n));
            }
            XYSeries curve = chart.addSeries("law, " + percent(serial) + " serial", workers, law);
            curve.setMarker(SeriesMarkers.NONE);
            curve.setLineColor(color);
            List<Double> measuredWorkers = new ArrayList<>();
            List<Double> measured = new ArrayList<>();
            double one = entry.getValue().get(1);
            entry.getValue().forEach((n, nanos) -> {
                measuredWorkers.add((double) n);
                measured.add(one / nanos);
            });
            XYSeries points = chart.addSeries("measured, " + percent(serial) + " serial", measuredWorkers, measured);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            points.setMarkerColor(color);
        }
        return chart;
    }

    /** The task's time on threads and on worker processes (cold and warm), by worker count. */
    private static CategoryChart timesChart(Map<Integer, Long> threadNanos,
            Map<Integer, Parallel.ProcessRun> processRuns) {
        List<String> counts = threadNanos.keySet().stream().map(String::valueOf).toList();
        CategoryChart chart = new CategoryChartBuilder().width(LadderCharts.WIDTH).height(LadderCharts.HEIGHT)
                .title("The same CPU-bound task on threads and on worker JVMs").xAxisTitle("workers")
                .yAxisTitle("seconds").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.addSeries("threads", counts, threadNanos.values().stream().map(n -> (Number) (n / 1e9)).toList());
        chart.addSeries("processes, cold", counts, threadNanos.keySet().stream().map(n -> processRuns.containsKey(n)
                ? (Number) (processRuns.get(n).coldNanos() / 1e9) : null).toList());
        chart.addSeries("processes, warm", counts, threadNanos.keySet().stream().map(n -> processRuns.containsKey(n)
                ? (Number) (processRuns.get(n).warmNanos() / 1e9) : null).toList());
        return chart;
    }
}
