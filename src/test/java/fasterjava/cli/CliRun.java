package fasterjava.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

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
}
