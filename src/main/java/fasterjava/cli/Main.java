package fasterjava.cli;

import fasterjava.corrset.data.BadInputException;
import fasterjava.corrset.search.CheckpointException;
import fasterjava.ladder.VerificationException;
import fasterjava.peers.PeerException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/faster}: the project's command line. Exit codes: 0 success, 1 bad input data or I/O failure,
 * 2 bad usage (unknown option, impossible value), 3 a step failed verification.
 */
@Command(name = "faster", mixinStandardHelpOptions = true, version = "faster-java 0.1",
        description = "Performance-optimization journeys in Java: verified, measured on your machine.",
        footer = {"", "bin/faster spark ...: the Apache Spark jobs (corrset best, vitals features, basics mapreduce; "
                + "bin/faster spark --help)."},
        subcommands = {GenerateCommand.class, CorrsetCommand.class, VitalsCommand.class, BasicsCommand.class,
                ReproduceCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int BAD_INPUT = 1;
    public static final int BAD_USAGE = 2;
    public static final int NOT_VERIFIED = 3;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams (tests capture them) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(new CommandLine(new Main()), out, err, args);
    }

    /**
     * Runs any command tree with this command line's error reporting and exit codes (the Spark launcher's
     * {@code faster spark} tree uses it).
     */
    public static int run(CommandLine commandLine, PrintWriter out, PrintWriter err, String... args) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("faster: " + message(exception));
            line.getErr().flush();
            return exitCode(exception);
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String message(Exception exception) {
        if (exception instanceof UncheckedIOException io) {
            return io.getMessage() + ": " + io.getCause().getMessage();
        }
        return exception.getMessage() == null ? exception.toString() : exception.getMessage();
    }

    private static int exitCode(Exception exception) {
        if (exception instanceof VerificationException) {
            return NOT_VERIFIED;
        }
        if (exception instanceof IllegalArgumentException) {
            return BAD_USAGE;
        }
        if (exception instanceof BadInputException || exception instanceof CheckpointException
                || exception instanceof PeerException
                || exception instanceof UncheckedIOException
                || exception instanceof java.io.IOException) {
            return BAD_INPUT;
        }
        // Anything else is a bug: keep the stack trace for the report.
        exception.printStackTrace();
        return BAD_INPUT;
    }
}
