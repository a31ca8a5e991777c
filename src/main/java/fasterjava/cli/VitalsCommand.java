package fasterjava.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.ladder.Rung;
import fasterjava.ladder.Step;
import fasterjava.ladder.StepSelection;
import fasterjava.util.AtomicFile;
import fasterjava.util.ConsoleProgress;
import fasterjava.vitals.Feature;
import fasterjava.vitals.journey.StreamedFeatures;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.journey.VitalsJourney;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.data.FeaturesCsvWriter;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import fasterjava.vitals.steps.VitalsSteps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faster vitals ...}: the patient-vitals journey. */
@Command(name = "vitals", mixinStandardHelpOptions = true,
        description = "Patient vitals: per-patient features of six vital signs (vitals-spec.md).",
        subcommands = {VitalsCommand.Features.class, VitalsCommand.Ladder.class, VitalsCommand.Profile.class,
                VitalsPeersCommand.class})
final class VitalsCommand {

    @Command(name = "ladder", mixinStandardHelpOptions = true,
            description = "Verify and time the ladder's steps; print the table and write results/vitals-ladder"
                    + ".{csv,md,png}.")
    static final class Ladder extends LadderCommand<VitalsTable, VitalsFeatures> {
        @Mixin
        VitalsDataOptions data;

        @Override
        VitalsJourney journey() {
            return new VitalsJourney();
        }

        @Override
        VitalsTable data(PrintWriter log) {
            return data.load(journey(), log);
        }

        @Override
        String size() {
            return data.scale;
        }
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = "Record one step with Java Flight Recorder and print where its samples fall.")
    static final class Profile extends ProfileCommand<VitalsTable, VitalsFeatures> {
        @Mixin
        VitalsDataOptions data;

        @Override
        VitalsJourney journey() {
            return new VitalsJourney();
        }

        @Override
        VitalsTable data(PrintWriter log) {
            return data.load(journey(), log);
        }
    }

    @Command(name = "features", mixinStandardHelpOptions = true,
            description = {"Compute the spec's 48 features per patient, for a CSV file (--data) or for generated "
                    + "data, streamed in bounded memory (--generate).",
                "With --json, prints one object: {patients, rows, seconds, generate_cpu_seconds, "
                    + "features_cpu_seconds, peak_heap_mb, checksum} (checksum: each feature column's sum)."})
    static final class Features implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--data", paramLabel = "FILE.csv", description = "Input file (vitals-spec.md §2).")
            Path data;

            @Option(names = "--generate", paramLabel = "N",
                    description = "Generate N patients (the spec's generator) and featurize them as they come.")
            Integer generate;
        }

        @Option(names = "--out", paramLabel = "OUT.csv",
                description = "Write the features here (written atomically; required with --data).")
        Path out;

        @Option(names = "--step", paramLabel = "NN",
                description = "With --data: the ladder step to use (default: " + VitalsSteps.FASTEST
                        + ", the fastest).")
        String step;

        @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores; at most "
                + Arguments.MAX_THREADS_PER_CORE + " per core).")
        Integer threads;

        @Option(names = "--days", paramLabel = "D", description = "With --generate: days per patient (default: "
                + VitalsGenerator.DEFAULT_DAYS + ").")
        Integer days;

        @Option(names = "--seed", paramLabel = "S", description = "With --generate: the random seed (default: "
                + VitalsGenerator.DEFAULT_SEED + ").")
        Long seed;

        @Option(names = "--json", description = "With --generate: print the run's figures as one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            int workers = Arguments.threads(threads);
            if (out != null) {
                AtomicFile.checkWritable(out);
            }
            return source.data != null ? featurizeFile(workers) : featurizeGenerated(workers);
        }

        private int featurizeFile(int workers) throws IOException {
            if (out == null) {
                throw new IllegalArgumentException("--data needs --out: where to write the features");
            }
            if (days != null || seed != null || json) {
                throw new IllegalArgumentException("--days, --seed and --json go with --generate, not --data");
            }
            Rung<VitalsTable, VitalsFeatures> rung = StepSelection.find(step != null ? step : VitalsSteps.FASTEST,
                    VitalsSteps.all());
            if (threads != null && !VitalsSteps.usesThreads(rung)) {
                throw new IllegalArgumentException("step " + rung.id() + " runs on one thread; --threads applies to "
                        + "the steps that use threads");
            }
            PrintWriter err = spec.commandLine().getErr();
            long start = System.nanoTime();
            VitalsTable table = VitalsLoader.load(source.data);
            double loaded = seconds(start);
            Step<VitalsTable, VitalsFeatures> instance = VitalsSteps.create(rung, workers);
            long computing = System.nanoTime();
            instance.prepare(table);
            VitalsFeatures features = instance.compute(table.patientCount());
            double computed = seconds(computing);
            FeaturesCsvWriter.write(features, out);
            err.printf(Locale.ROOT, "wrote %s: %,d patients, %,d rows; load %.2f s, features %.2f s (step %s), "
                    + "total %.2f s%n", out, table.patientCount(), table.rowCount(), loaded, computed, rung.id(),
                    seconds(start));
            return 0;
        }

        private int featurizeGenerated(int workers) throws IOException {
            if (step != null) {
                throw new IllegalArgumentException("--step goes with --data: --generate always uses step "
                        + VitalsSteps.all().getLast().id() + "'s kernel");
            }
            int patients = source.generate;
            if (patients < 1) {
                throw new IllegalArgumentException("--generate needs at least 1 patient, got " + patients);
            }
            int dayCount = days != null ? days : VitalsGenerator.DEFAULT_DAYS;
            long seedValue = seed != null ? seed : VitalsGenerator.DEFAULT_SEED;
            StreamedFeatures.Result result = StreamedFeatures.run(patients, dayCount, seedValue, workers, out,
                    new ConsoleProgress());
            PrintWriter stdout = spec.commandLine().getOut();
            if (json) {
                stdout.println(JSON.writeValueAsString(toJson(result)));
            } else {
                stdout.printf(Locale.ROOT, "%,d patients, %,d rows in %.2f s: generation %.2f s CPU, features %.2f s "
                        + "CPU (%,.0f rows/s per CPU-second), peak heap %,.0f MB%n", result.patients(), result.rows(),
                        result.seconds(), result.generateCpuSeconds(), result.featuresCpuSeconds(),
                        result.rows() / result.featuresCpuSeconds(), result.peakHeapMb());
                if (out != null) {
                    stdout.println("wrote " + out);
                }
            }
            Output.checkStdout(spec);
            return 0;
        }

        static ObjectNode toJson(StreamedFeatures.Result result) {
            ObjectNode root = JSON.createObjectNode();
            root.put("patients", result.patients());
            root.put("rows", result.rows());
            root.put("seconds", result.seconds());
            root.put("generate_cpu_seconds", result.generateCpuSeconds());
            root.put("features_cpu_seconds", result.featuresCpuSeconds());
            root.put("peak_heap_mb", result.peakHeapMb());
            ObjectNode checksum = root.putObject("checksum");
            for (Map.Entry<String, Double> column : result.checksum().entrySet()) {
                if (column.getKey().endsWith("_" + Feature.N_ANOMALIES.suffix())) {
                    checksum.put(column.getKey(), column.getValue().longValue());
                } else {
                    checksum.put(column.getKey(), column.getValue());
                }
            }
            return root;
        }

        private static double seconds(long startNanos) {
            return (System.nanoTime() - startNanos) / 1e9;
        }
    }

    private VitalsCommand() {
    }
}
