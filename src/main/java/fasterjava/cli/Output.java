package fasterjava.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/** Checks on the command's own output streams. */
final class Output {
    private Output() {
    }

    /**
     * Flushes standard output and fails if any write to it failed (a full disk behind a redirect, a closed pipe):
     * {@link java.io.PrintWriter} swallows those errors unless asked.
     */
    static void checkStdout(CommandSpec spec) {
        if (spec.commandLine().getOut().checkError()) {
            throw new UncheckedIOException("cannot write to standard output",
                    new java.io.IOException("the write failed (disk full, or the reader closed the pipe)"));
        }
    }
}
