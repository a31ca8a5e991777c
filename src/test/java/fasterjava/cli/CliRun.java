package fasterjava.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;

/**
 * One in-process run of {@code bin/faster}'s command line, for end-to-end tests: the exit code and everything
 * printed on stdout and stderr.
 */
public record CliRun(int code, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A run whose standard output fails every write, as with {@code > /dev/full} or a closed pipe. */
    public static CliRun withFailingStdout(String... args) {
        Writer failing = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(failing), new PrintWriter(err), args);
        return new CliRun(code, "", err.toString());
    }
}
