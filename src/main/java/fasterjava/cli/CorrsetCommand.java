package fasterjava.cli;

import fasterjava.corrset.Corrset;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.LadderResults;
import fasterjava.ladder.StepProfiler;
import fasterjava.util.ProjectPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faster corrset ...}: the k-corrset journey. */
@Command(name = "corrset", mixinStandardHelpOptions = true,
        description = "k-corrset: the K questions whose summed score correlates best with users' total score.",
        subcommands = {BestCommand.class, CorrsetCommand.Ladder.class, CorrsetCommand.Profile.class})
final class CorrsetCommand {

    @Command(name = "ladder", mixinStandardHelpOptions = true,
            description = "Verify and time the ladder's steps; print the table and write results/corrset-ladder"
                    + ".{csv,md,png}.")
    static final class Ladder implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Option(names = "--steps", defaultValue = "all", paramLabel = "01-12",
                description = "Steps to run: numbers, ranges, ids (default: ${DEFAULT-VALUE}).")
        String steps;

        @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: results/).")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            LadderReport report = run(data, steps, err);
            spec.commandLine().getOut().print(report.toConsoleTable());
            for (Path file : LadderResults.write(report, out != null ? out : ProjectPaths.results())) {
                err.println("wrote " + file);
            }
            return 0;
        }

        static LadderReport run(DataOptions data, String steps, PrintWriter log) {
            Scores scores = data.load(log);
            return Corrset.runLadder(scores, data.k, steps, data.scale().budget(), log::println);
        }
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = "Record one step with Java Flight Recorder and print where its samples fall.")
    static final class Profile implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Option(names = "--step", required = true, paramLabel = "NN", description = "The step, e.g. 05.")
        String step;

        @Option(names = "--seconds", defaultValue = "5", description = "Recording length (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--rows", defaultValue = "15", description = "Rows per table (default: ${DEFAULT-VALUE}).")
        int rows;

        @Override
        public Integer call() {
            if (!Arguments.positiveFinite(seconds) || rows < 1) {
                throw new IllegalArgumentException("--seconds must be positive and finite, --rows positive");
            }
            PrintWriter err = spec.commandLine().getErr();
            Scores scores = data.load(err);
            StepProfiler.Profile profile = Corrset.profile(scores, data.k, step, seconds, err::println);
            spec.commandLine().getOut().print(profile.toTable(rows));
            return 0;
        }
    }
}
