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
 * {@code bin/faster}: the project's command line. Exit codes: 0 success, 1 bad input data, an unusable checkpoint,
 * an I/O failure (a file that cannot be written, standard output closed or full) or too little memory, 2 bad usage
 * (unknown option, impossible value), 3 a step failed verification. Every failure is one line on stderr starting
 * {@code faster:}; only a bug (an exception nobody expected) adds a stack trace.
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
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                // A worker pool's wrapper around a worker's OutOfMemoryError: the same advice applies.
                if (cause instanceof OutOfMemoryError e) {
                    line.getErr().println("faster: " + outOfMemory(e));
                    return BAD_INPUT;
                }
            }
            int code = exitCode(exception);
            line.getErr().println("faster: " + message(exception));
            line.getErr().flush();
            return code;
        });
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // Whatever filled the heap is unreachable once the stack has unwound to here, so printing works.
            err.println("faster: " + outOfMemory(e));
            code = BAD_INPUT;
        }
        // Every command's output, help and usage text included: a failed write must not pass for success.
        if (out.checkError() && code == 0) {
            err.println("faster: cannot write to standard output: the write failed (disk full, or the reader closed"
                    + " the pipe)");
            code = BAD_INPUT;
        }
        err.flush();
        return code;
    }

    /** What ran out, the heap this JVM has, and how to give it more. */
    static String outOfMemory(OutOfMemoryError e) {
        long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
        String heap = maxMiB >= 1024 ? String.format(java.util.Locale.ROOT, "%.1f GiB", maxMiB / 1024.0)
                : maxMiB + " MiB";
        return "out of memory (" + (e.getMessage() == null ? "Java heap space" : e.getMessage()) + ") with a "
                + "maximum heap of " + heap + ": give it more with FASTER_HEAP, e.g. FASTER_HEAP=16g bin/faster ..."
                + " (or ask for less: smaller data, fewer --top sets, fewer --threads)";
    }

    private static String message(Exception exception) {
        if (exception instanceof UncheckedIOException io) {
            return io.getMessage() + ": " + io.getCause().getMessage();
        }
        if (exception.getMessage() == null) {
            return "internal error (" + exception.getClass().getName() + " without a message); please report it "
                    + "with the stack trace above";
        }
        return exception.getMessage();
    }

    private static int exitCode(Exception exception) {
        if (exception.getMessage() == null) {
            // Nothing to tell the user: a bug, whatever its type.
            exception.printStackTrace();
            return BAD_INPUT;
        }
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
