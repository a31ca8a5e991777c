package fasterjava.cli;

import fasterjava.corrset.data.ScoresGenerator;
import fasterjava.util.AtomicFile;
import fasterjava.util.ConsoleProgress;
import fasterjava.vitals.data.VitalsCsv;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faster generate ...}: deterministic data sets. */
@Command(name = "generate", description = "Generate a deterministic data set.", mixinStandardHelpOptions = true,
        subcommands = {GenerateCommand.Scores.class, GenerateCommand.Vitals.class})
final class GenerateCommand {

    @Command(name = "scores", mixinStandardHelpOptions = true,
            description = "Write the k-corrset scores data set byte for byte as corrset-spec.md describes "
                    + "(JSON array of {user, question, score}).")
    static final class Scores implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--users", defaultValue = "60000", description = "Users (default: ${DEFAULT-VALUE}).")
        int users;

        @Option(names = "--questions", defaultValue = "200", description = "Questions (default: ${DEFAULT-VALUE}).")
        int questions;

        @Option(names = "--per-mille", defaultValue = "200",
                description = "Share of users answering each question, in 1/1000 (default: ${DEFAULT-VALUE}).")
        int perMille;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, description = "Output file (written atomically).")
        Path out;

        @Override
        public Integer call() throws Exception {
            ScoresGenerator.Shape shape = new ScoresGenerator.Shape(users, questions, perMille, seed);
            AtomicFile.checkWritable(out);
            long start = System.nanoTime();
            ScoresGenerator.write(shape, out);
            spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s: %,d rows, %,d bytes in %.1f s%n", out,
                    shape.rows(), Files.size(out), (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    @Command(name = "vitals", mixinStandardHelpOptions = true,
            description = "Write the patient-vitals data set as vitals-spec.md describes: the case study's NumPy "
                    + "data bit for bit, as CSV, streamed (any number of patients in bounded memory).")
    static final class Vitals implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--patients", required = true, description = "Patients.")
        int patients;

        @Option(names = "--days", defaultValue = "" + VitalsGenerator.DEFAULT_DAYS,
                description = "Days per patient (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--seed", defaultValue = "" + VitalsGenerator.DEFAULT_SEED,
                description = "NumPy seed, 0..4294967295 (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, description = "Output CSV file (written atomically).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (patients < 1) {
                throw new IllegalArgumentException("--patients must be at least 1, got " + patients);
            }
            if (days < 1) {
                throw new IllegalArgumentException("--days must be at least 1, got " + days);
            }
            if (seed < 0 || seed > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("--seed must be in 0..4294967295 (NumPy's range), got " + seed);
            }
            AtomicFile.checkWritable(out);
            VitalsStream stream = VitalsStream.of(patients, days, seed);
            long start = System.nanoTime();
            VitalsCsv.write(stream, out, new ConsoleProgress());
            spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s: %,d rows, %,d bytes in %.1f s%n", out,
                    stream.rows(), Files.size(out), (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
