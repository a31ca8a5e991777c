package fasterjava.cli;

import fasterjava.util.AtomicFile;
import fasterjava.bench.LadderStepBenchmark;
import fasterjava.corrset.journey.CorrsetJourney;
import fasterjava.journeys.Journeys;
import fasterjava.ladder.Journey;
import fasterjava.ladder.Machine;
import fasterjava.ladder.Rung;
import fasterjava.ladder.RunSizes;
import fasterjava.ladder.Step;
import fasterjava.ladder.StepSelection;
import fasterjava.ladder.Units;
import fasterjava.util.ProjectPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faster bench}: a ladder's steps under JMH, one forked JVM per step. Before JMH starts, each step is sized
 * here so one benchmark operation lasts about {@code --op-seconds}; the table divides JMH's score by that size to
 * give time per work item, with JMH's error margin.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark a ladder's steps with JMH (one fork per step); prints the time per work item and "
                + "writes results/<ladder>-jmh.csv.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ladder", defaultValue = "corrset", paramLabel = "NAME",
            description = "The ladder (default: ${DEFAULT-VALUE}; one of ${COMPLETION-CANDIDATES}).",
            completionCandidates = LadderNames.class)
    String ladder;

    @Option(names = "--steps", paramLabel = "02-12",
            description = "Steps (default: all but the baseline, which is slow under JMH: time it with the ladder "
                    + "command).")
    String steps;

    @Option(names = "--scale", defaultValue = "small", paramLabel = "tiny|small|full",
            description = "The standard data set to run on (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--k", paramLabel = "K", description = "corrset only: questions per set (default: 5).")
    Integer k;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up iterations (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5",
            description = "Measured iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--iteration-seconds", defaultValue = "1",
            description = "Length of each iteration (default: ${DEFAULT-VALUE}).")
    double iterationSeconds;

    @Option(names = "--op-seconds", defaultValue = "0.1",
            description = "Target length of one operation when sizing a step (default: ${DEFAULT-VALUE}).")
    double opSeconds;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: results/).")
    Path out;

    /** Sizing: at most this many re-timings at an estimate, each the best of {@link #SIZING_REPEATS} calls. */
    private static final int SIZING_ROUNDS = 4;
    private static final int SIZING_REPEATS = 5;

    @Override
    public Integer call() throws Exception {
        if (warmup < 0 || iterations < 1 || !Arguments.positiveFinite(iterationSeconds)
                || !Arguments.positiveFinite(opSeconds)) {
            throw new IllegalArgumentException(
                    "--warmup >= 0, --iterations >= 1 and positive, finite durations, please");
        }
        return bench(journey());
    }

    private Journey<?, ?> journey() {
        if (k == null) {
            return Journeys.find(ladder);
        }
        if (!ladder.equals("corrset")) {
            throw new IllegalArgumentException("--k applies to the corrset ladder only");
        }
        return new CorrsetJourney(k);
    }

    private <D, R> int bench(Journey<D, R> journey) throws Exception {
        String size = journey.checkSize(scale);
        Path file = (out != null ? out : ProjectPaths.results()).resolve(journey.ladder().name() + "-jmh.csv");
        AtomicFile.checkWritable(file);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        List<Rung<D, R>> rungs = journey.ladder().rungs();
        List<Rung<D, R>> selected = steps != null ? StepSelection.parse(steps, rungs)
                : rungs.subList(1, rungs.size());
        D data = journey.open(size, err::println);
        String unit = journey.ladder().unit();

        StringBuilder csv = new StringBuilder("step,items_per_op,ns_per_op,error_ns_per_op,ns_per_" + unit
                + ",error_ns_per_" + unit + "\n");
        List<String> lines = new ArrayList<>();
        for (Rung<D, R> rung : selected) {
            int items = size(journey, rung, data);
            err.printf(Locale.ROOT, "%s: %,d %ss per operation; starting JMH%n", rung.id(), items, unit);
            RunResult result = new Runner(options(journey.spec(), size, rung.id(), items)).runSingle();
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            lines.add(String.format(Locale.ROOT, "%-26s %14s ± %-10s (%,d per op)", rung.id(),
                    Units.nanos(score / items), Units.nanos(error / items), items));
            csv.append(String.format(Locale.ROOT, "%s,%d,%.6g,%.6g,%.6g,%.6g%n", rung.id(), items, score, error,
                    score / items, error / items));
        }
        outWriter.println("JMH, time per " + unit + " (99.9% error margin):");
        lines.forEach(outWriter::println);
        outWriter.println("Measured on " + Machine.describe() + "; data: " + journey.describe(data) + ".");
        Output.checkStdout(spec);
        AtomicFile.writeText(file, csv.toString());
        err.println("wrote " + file);
        return 0;
    }

    /**
     * Items per operation so one lasts about {@code opSeconds}, from warm timings in this JVM. The first calls run
     * before C2 has compiled the step (Vector API code is slowest then, every vector an object), so sizing from
     * them alone gave operations of a handful of items, too short for JMH and, for the threaded step,
     * all pool overhead. So: grow until a call takes a quarter of the target, then re-time at the estimate (best
     * of {@link #SIZING_REPEATS}) until it settles.
     */
    private <D, R> int size(Journey<D, R> journey, Rung<D, R> rung, D data) {
        try (Step<D, R> step = rung.create()) {
            step.prepare(data);
            return size(step, journey.ladder().availableItems(data));
        }
    }

    private int size(Step<?, ?> step, int limit) {
        int items = RunSizes.grow(step, limit, 4, opSeconds / 4);
        for (int round = 0; round < SIZING_ROUNDS; round++) {
            double best = Double.MAX_VALUE;
            for (int repeat = 0; repeat < SIZING_REPEATS; repeat++) {
                best = Math.min(best, RunSizes.seconds(step, items));
            }
            int next = (int) Math.clamp(Math.round(items * opSeconds / Math.max(best, 1e-9)), 1, limit);
            if (Math.abs(next - items) <= items / 10) {
                return next;
            }
            items = next;
        }
        return items;
    }

    private Options options(String journeySpec, String size, String step, int items) {
        return new OptionsBuilder()
                .include(LadderStepBenchmark.class.getName() + ".compute")
                .param("ladder", journeySpec)
                .param("step", step)
                .param("items", Integer.toString(items))
                .param("size", size)
                .forks(1)
                .warmupIterations(warmup)
                .measurementIterations(iterations)
                .warmupTime(TimeValue.milliseconds((long) (iterationSeconds * 1000)))
                .measurementTime(TimeValue.milliseconds((long) (iterationSeconds * 1000)))
                .jvmArgs("--add-modules=jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow",
                        "-Djava.awt.headless=true", "-XX:+UseParallelGC", "-Xmx8g",
                        "-Dfaster.root=" + ProjectPaths.root())
                .build();
    }
}
