package fasterjava.cli;

import fasterjava.peers.PeerResults;
import fasterjava.peers.PeersReport;
import fasterjava.util.ProjectPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faster <ladder> peers}: the Java ladder and the Python versions on the same data, verified, side by side;
 * prints the table and writes {@code results/<ladder>-peers.{csv,md,png}}. Where Python or its libraries are
 * missing, the table has the Java and published rows only, says why, and the command still succeeds.
 */
abstract class PeersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: results/).")
    Path out;

    /** Runs both sides, logging to {@code log}. */
    abstract PeersReport run(Consumer<String> log);

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PeersReport report = run(err::println);
        print(report, out != null ? out : ProjectPaths.results(), spec);
        return 0;
    }

    /** Prints the report's table and writes its files, naming each on the error stream. */
    static void print(PeersReport report, Path results, CommandSpec spec) throws java.io.IOException {
        spec.commandLine().getOut().print(report.toConsoleTable());
        Output.checkStdout(spec);
        for (Path file : PeerResults.write(report, results)) {
            spec.commandLine().getErr().println("wrote " + file);
        }
    }
}
