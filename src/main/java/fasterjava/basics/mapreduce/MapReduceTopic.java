package fasterjava.basics.mapreduce;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.ladder.VerificationException;
import fasterjava.util.ProjectPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Topic 10: MapReduce and Spark. The text's claims about distributed engines, measured with Apache Spark on this
 * machine: a combiner shrinks the shuffle ({@code reduceByKey} vs {@code groupByKey}, shuffle bytes from Spark's
 * task metrics); two outputs from one input cost two passes unless they are computed together or the input is
 * persisted; and what a second core buys. Every run is checked against a plain-Java count first.
 *
 * <p>The core project cannot depend on Spark (the Spark module depends on it), so this topic runs
 * {@code bin/faster-spark basics mapreduce --json} as a child process, forwards its progress and {@code verified:}
 * lines to the log, and turns its {@link MapReduceRun} into the report ({@link MapReduceReport}). When the Spark
 * module cannot be built or started (for example no network for its first download), the topic fails with one
 * line saying so.
 */
public final class MapReduceTopic implements Topic {
    /** Exit code of a {@code bin/faster} command whose result failed verification. */
    private static final int NOT_VERIFIED = 3;

    private final Supplier<List<String>> command;

    /** The topic as the registry lists it: the checkout's {@code bin/faster-spark}. */
    public MapReduceTopic() {
        this(() -> List.of(ProjectPaths.root().resolve("bin").resolve("faster-spark").toString(), "basics",
                "mapreduce"));
    }

    /**
     * The topic running another launcher of the Spark side: {@code command} (program and arguments, e.g. a
     * {@code java} command line) followed by {@code --size S --json}.
     */
    public MapReduceTopic(Supplier<List<String>> command) {
        this.command = command;
    }

    @Override
    public String number() {
        return "10";
    }

    @Override
    public String slug() {
        return "mapreduce";
    }

    @Override
    public String title() {
        return "MapReduce and Spark: combiners, one pass, persist, cores";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        List<String> full = new ArrayList<>(command.get());
        full.addAll(List.of("--size", size.label(), "--json"));
        String program = full.getFirst();
        Process process;
        try {
            process = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("the Spark side of this topic cannot start", new IOException(program
                    + ": " + e.getMessage(), e));
        }
        List<String> errors = new ArrayList<>();
        Thread forwarder = Thread.ofVirtual().start(() -> forwardLines(process.getErrorStream(), line -> {
            synchronized (errors) {
                errors.add(line);
            }
            log.accept(line);
        }));
        String out;
        int exit;
        try {
            out = readAll(process.getInputStream());
            exit = process.waitFor();
            forwarder.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Spark side of this topic ran", e);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("cannot read the Spark side's output", e);
        }
        String last;
        synchronized (errors) {
            last = errors.isEmpty() ? "no message" : errors.getLast();
        }
        if (exit == NOT_VERIFIED) {
            throw new VerificationException("the Spark side of this topic failed verification: " + last);
        }
        if (exit != 0) {
            throw new UncheckedIOException("the Spark module could not be built or run", new IOException(program
                    + " exited with " + exit + ": " + last));
        }
        return MapReduceReport.of(MapReduceRun.fromJson(lastLine(out)));
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String lastLine(String out) {
        List<String> lines = out.strip().lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the Spark side of this topic printed nothing on stdout");
        }
        return lines.getLast();
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void forwardLines(InputStream in, Consumer<String> sink) {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                sink.accept(line);
            }
        } catch (IOException e) {
            sink.accept("(the Spark side's messages ended early: " + e.getMessage() + ")");
        }
    }
}
