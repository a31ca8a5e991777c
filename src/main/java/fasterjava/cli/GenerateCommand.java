package fasterjava.cli;

import fasterjava.corrset.data.ScoresGenerator;
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
        subcommands = {GenerateCommand.Scores.class})
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
            long start = System.nanoTime();
            ScoresGenerator.write(shape, out);
            spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s: %,d rows, %,d bytes in %.1f s%n", out,
                    shape.rows(), Files.size(out), (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
