package fasterjava.peers;

import fasterjava.ladder.Budget;
import fasterjava.util.ProjectPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Python interpreter the peers run on and how to run a runner script: Debian's {@code /usr/bin/python3} with
 * Debian's NumPy, pandas and Numba ({@link #PACKAGES}), or the interpreter named by the {@code faster.python}
 * system property or the {@code FASTER_PYTHON} environment variable. The runners live in {@code src/peers/python/}
 * of the project.
 */
public final class PythonPeers {
    /** The interpreter used unless {@code FASTER_PYTHON} names another. */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";
    /** The Debian packages the peers need. */
    public static final List<String> PACKAGES = List.of("python3-numpy", "python3-pandas", "python3-numba");
    private static final long CHECK_SECONDS = 120;

    private final Path python;
    private final Path scripts;

    public PythonPeers(Path python, Path scripts) {
        this.python = python;
        this.scripts = scripts;
    }

    /** The project's interpreter (as the class comment says) and its runner folder. */
    public static PythonPeers standard() {
        String configured = System.getProperty("faster.python", System.getenv("FASTER_PYTHON"));
        Path interpreter = Path.of(configured != null && !configured.isBlank() ? configured : DEFAULT_PYTHON);
        return new PythonPeers(interpreter, ProjectPaths.root().resolve("src").resolve("peers").resolve("python"));
    }

    public Path python() {
        return python;
    }

    public Path scripts() {
        return scripts;
    }

    /**
     * Why the peers cannot run here — no interpreter, a library missing, the runners not found — in one line that
     * says what to install; empty when they can.
     */
    public Optional<String> unavailable() {
        String install = "install Debian's " + String.join(", ", PACKAGES) + " (apt-get install "
                + String.join(" ", PACKAGES) + ") or set FASTER_PYTHON to an interpreter that has numpy, pandas "
                + "and numba";
        if (!Files.isExecutable(python)) {
            return Optional.of("no Python interpreter at " + python + ": " + install);
        }
        if (!Files.isDirectory(scripts)) {
            return Optional.of("the Python peers' folder is missing: " + scripts);
        }
        try {
            Process check = new ProcessBuilder(python.toString(), "-c", "import numpy, pandas, numba")
                    .redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!check.waitFor(CHECK_SECONDS, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return Optional.of(python + " did not start within " + CHECK_SECONDS + " s");
            }
            if (check.exitValue() != 0) {
                String last = output.isEmpty() ? "exit " + check.exitValue() : output.lines().reduce((a, b) -> b)
                        .orElse(output);
                return Optional.of(python + " lacks the peers' libraries (" + last + "): " + install);
            }
        } catch (IOException e) {
            return Optional.of("cannot start " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking " + python);
        }
        return Optional.empty();
    }

    /**
     * Runs {@code script} (relative to the runners' folder) with the data arguments, the versions and the budget,
     * and parses what it prints. Its standard error goes to {@code log} line by line. A non-zero exit fails with
     * the runner's last error line.
     */
    public <R> PeerOutput<R> run(String script, List<String> dataArguments, List<String> versions, Budget budget,
            String itemKind, Supplier<PeerItems<R>> items, Consumer<String> log) {
        List<String> command = new ArrayList<>(List.of(python.toString(), scripts.resolve(script).toString()));
        command.addAll(dataArguments);
        command.addAll(List.of("--versions", String.join(",", versions),
                "--reference-items", Integer.toString(budget.referenceItems()),
                "--max-items", Integer.toString(budget.maxItems()),
                "--min-seconds", number(budget.minRunSeconds()),
                "--repetitions", Integer.toString(budget.repetitions()),
                "--step-seconds", number(budget.stepSeconds())));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new PeerException("cannot start " + python + ": " + e.getMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        Thread errorReader = Thread.ofVirtual().start(() -> forward(process, errors, log));
        String source = "the Python runner " + script;
        PeerOutput<R> output;
        int exit;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            output = PeerOutput.parse(out, source, itemKind, versions, items);
            exit = process.waitFor();
            errorReader.join();
        } catch (IOException e) {
            throw stopped(process, errorReader, errors, "cannot read " + source + "'s output: " + e.getMessage());
        } catch (PeerException e) {
            throw stopped(process, errorReader, errors, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped(process, errorReader, errors, "interrupted while running " + source);
        }
        if (exit != 0) {
            throw new PeerException(source + " failed (exit " + exit + ")" + lastLine(errors));
        }
        return output;
    }

    /** Stops the runner and says why, with its last error line (a Python traceback's last line names the error). */
    private static PeerException stopped(Process process, Thread errorReader, List<String> errors, String message) {
        process.destroy();
        try {
            errorReader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new PeerException(message + lastLine(errors));
    }

    private static void forward(Process process, List<String> errors, Consumer<String> log) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (errors) {
                    errors.add(line);
                }
                log.accept("python: " + line);
            }
        } catch (IOException e) {
            log.accept("python: cannot read standard error: " + e.getMessage());
        }
    }

    private static String lastLine(List<String> errors) {
        synchronized (errors) {
            return errors.isEmpty() ? "" : ": " + errors.getLast();
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
