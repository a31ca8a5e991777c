package fasterjava.cli;

import fasterjava.bench.CorrsetStepBenchmark;
import fasterjava.corrset.Corrset;
import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.steps.CorrsetSteps;
import fasterjava.ladder.LadderResults;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faster bench}: the k-corrset steps under JMH, one forked JVM per step. Before JMH starts, each step is
 * sized here so one benchmark operation lasts about {@code --op-seconds}; the table divides JMH's score by that
 * size to give time per combination, with JMH's error margin.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the k-corrset steps with JMH (one fork per step); prints ns per combination and "
                + "writes results/corrset-jmh.csv.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--steps", defaultValue = "02-12", paramLabel = "02-12",
            description = "Steps (default: ${DEFAULT-VALUE}; the baseline is slow under JMH, time it with "
                    + "`corrset ladder`).")
    String steps;

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
        if (data.data != null) {
            throw new IllegalArgumentException("bench uses the standard data sets: choose one with --scale");
        }
        if (warmup < 0 || iterations < 1 || !Arguments.positiveFinite(iterationSeconds)
                || !Arguments.positiveFinite(opSeconds)) {
            throw new IllegalArgumentException("--warmup >= 0, --iterations >= 1 and positive, finite durations, please");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        List<Rung<CorrsetInput, CorrsetResult>> selected = StepSelection.parse(steps, CorrsetSteps.all());
        Scores scores = data.load(err);
        CorrsetInput input = new CorrsetInput(scores, data.k);

        StringBuilder csv = new StringBuilder("step,items_per_op,ns_per_op,error_ns_per_op,ns_per_combination,"
                + "error_ns_per_combination\n");
        List<String> lines = new ArrayList<>();
        for (Rung<CorrsetInput, CorrsetResult> rung : selected) {
            int items = size(rung, input);
            err.printf(Locale.ROOT, "%s: %,d combinations per operation; starting JMH%n", rung.id(), items);
            RunResult result = new Runner(options(rung.id(), items)).runSingle();
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            lines.add(String.format(Locale.ROOT, "%-26s %14s ± %-10s (%,d per op)", rung.id(),
                    Units.nanos(score / items), Units.nanos(error / items), items));
            csv.append(String.format(Locale.ROOT, "%s,%d,%.6g,%.6g,%.6g,%.6g%n", rung.id(), items, score, error,
                    score / items, error / items));
        }
        outWriter.println("JMH, time per combination (99.9% error margin):");
        lines.forEach(outWriter::println);
        outWriter.println("Measured on " + Machine.describe() + "; data: " + Corrset.describe(scores, data.k) + ".");
        Path file = (out != null ? out : ProjectPaths.results()).resolve("corrset-jmh.csv");
        LadderResults.writeText(file, csv.toString());
        err.println("wrote " + file);
        return 0;
    }

    /**
     * Items per operation so one lasts about {@code opSeconds}, from warm timings in this JVM. The first calls run
     * before C2 has compiled the step (Vector API code is slowest then, every vector an object), so sizing from
     * them alone gave operations of a handful of combinations, too short for JMH and, for the threaded step,
     * all pool overhead. So: grow until a call takes a quarter of the target, then re-time at the estimate (best
     * of {@link #SIZING_REPEATS}) until it settles.
     */
    private int size(Rung<CorrsetInput, CorrsetResult> rung, CorrsetInput input) {
        Step<CorrsetInput, CorrsetResult> step = rung.create();
        step.prepare(input);
        int limit = input.combinationLimit();
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

    private Options options(String step, int items) {
        return new OptionsBuilder()
                .include(CorrsetStepBenchmark.class.getName() + ".compute")
                .param("step", step)
                .param("items", Integer.toString(items))
                .param("scale", data.scale().name().toLowerCase(Locale.ROOT))
                .param("k", Integer.toString(data.k))
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
