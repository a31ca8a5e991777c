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
 * MapReduce and Spark: what a combiner, one pass over the input, {@code persist} and a second core change in a word
 * count, measured with Apache Spark on this machine.
 *
 * <p>The claim: a MapReduce job maps every record to key-value pairs, shuffles all pairs of a key to one place and
 * reduces them there. The shuffle is the expensive part (in a cluster it crosses the network), and a combiner, a
 * reduce run on each map task's own output before the shuffle, shrinks it: a partition sends each word once with its
 * count instead of once per occurrence. The text names the model's weakness too: two outputs from one input are two
 * jobs that each read the input ("multiple actions"), unless both are computed in one pass or the input is kept in
 * memory between them (Spark's {@code persist}). And more cores help while there are partitions to share.
 *
 * <p>How it is measured: a seeded text whose word frequencies follow Zipf's law, as real text does (200 thousand
 * words at {@code tiny}, 5 million at {@code small}, 40 million, about 280 MB, at {@code full}). Word counts with
 * {@code reduceByKey} (combiner) and {@code groupByKey} (none), with the bytes and records each writes to the
 * shuffle read from Spark's task metrics; word and character counts as two actions, as two actions on persisted
 * words, and in one pass with tagged keys; the word count on {@code local[1]} and {@code local[2]}; and the same
 * counts in plain Java on one thread, which is also the oracle: every Spark run must give exactly its counts before
 * its time is kept, and the shuffle records must equal what each partition holds (distinct words with a combiner,
 * every word without). Spark lives in the project's Spark module, so the topic runs {@code bin/faster-spark basics
 * mapreduce} as a child process; where that module cannot be built (its first build downloads about 220 MB from
 * Maven Central) the topic stops with one line saying so.
 *
 * <p>The Java ecosystem: the text's table of engines (Spark, Dask, Beam, Ray) becomes, for Java, Apache Spark,
 * Apache Flink, Apache Beam and Hazelcast. Apache Spark: its Java API, the combiner ({@code reduceByKey}),
 * {@code persist} and embedded {@code local[N]} runs are measured here; its SQL aggregates ({@code avg},
 * {@code stddev_samp}, {@code regr_slope}) are verified here by the vitals features job against the single-machine
 * output; Structured Streaming and cluster runs ({@code spark-submit}) are not measured here. Apache Flink
 * (DataStream and Table API, record-at-a-time streaming, two-phase aggregation in SQL plans, a local mini cluster):
 * not measured here. Apache Beam (one model for batch and streaming, {@code Combine.perKey} lifted before the
 * shuffle by its runners, a DirectRunner inside one JVM): not measured here. Hazelcast (the Pipeline API formerly
 * called Jet, embedded members, two-stage aggregation): not measured here.
 *
 * <p>What this means: the combiner's saving is the ratio of words to distinct words in each partition, so it grows
 * with the data each task sees, and Zipf's law makes it large; on one machine the time saved is smaller than the
 * bytes saved, because a local shuffle is a write to the page cache, not a network transfer. {@code persist} pays
 * only when recomputing costs more than keeping the data as Java objects, which take several times the text's size;
 * here recomputing is reading and splitting a cached file, so compare the bars before reaching for it. Spark's
 * fixed costs (start-up, scheduling each job, serializing records for the shuffle) are paid on every input, which
 * makes the plain loop on one thread the figure to beat: what an engine like Spark buys is the same code on data
 * that no longer fit one machine.
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
