package fasterjava.cli;

import fasterjava.ladder.Journey;
import fasterjava.ladder.StepProfiler;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faster <ladder> profile --step NN}: record one step with Java Flight Recorder and print where its samples
 * fall. Each journey's command adds its own data options.
 */
abstract class ProfileCommand<D, R> implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--step", required = true, paramLabel = "NN", description = "The step, e.g. 05.")
    String step;

    @Option(names = "--seconds", defaultValue = "5", description = "Recording length (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rows", defaultValue = "15", description = "Rows per table (default: ${DEFAULT-VALUE}).")
    int rows;

    abstract Journey<D, R> journey();

    /** The data the command's options name; one line about the load goes to {@code log}. */
    abstract D data(PrintWriter log);

    @Override
    public Integer call() {
        if (!Arguments.positiveFinite(seconds) || rows < 1) {
            throw new IllegalArgumentException("--seconds must be positive and finite, --rows positive");
        }
        PrintWriter err = spec.commandLine().getErr();
        StepProfiler.Profile profile = journey().profile(data(err), step, seconds, err::println);
        spec.commandLine().getOut().print(profile.toTable(rows));
        Output.checkStdout(spec);
        return 0;
    }
}
