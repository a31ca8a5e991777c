package fasterjava.cli;

import fasterjava.ladder.Journey;
import fasterjava.ladder.LadderReport;
import fasterjava.ladder.LadderResults;
import fasterjava.util.AtomicFile;
import fasterjava.util.ProjectPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faster <ladder> ladder}: verify and time a ladder's steps, print the table, write
 * {@code results/<ladder>-ladder.{csv,md,png}}. Each journey's command adds its own data options.
 */
abstract class LadderCommand<D, R> implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--steps", defaultValue = "all", paramLabel = "01-08",
            description = "Steps to run: numbers, ranges, ids (default: ${DEFAULT-VALUE}).")
    String steps;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: results/).")
    Path out;

    abstract Journey<D, R> journey();

    /** The data the command's options name; one line about the load goes to {@code log}. */
    abstract D data(PrintWriter log);

    /** The size whose budget the run uses. */
    abstract String size();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Journey<D, R> journey = journey();
        Path results = out != null ? out : ProjectPaths.results();
        AtomicFile.checkWritableFolder(results);
        LadderReport report = journey.runLadder(data(err), steps, journey.budget(size()), err::println);
        spec.commandLine().getOut().print(report.toConsoleTable());
        Output.checkStdout(spec);
        for (Path file : LadderResults.write(report, results)) {
            err.println("wrote " + file);
        }
        return 0;
    }
}
