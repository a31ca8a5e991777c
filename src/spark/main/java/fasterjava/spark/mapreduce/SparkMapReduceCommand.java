package fasterjava.spark.mapreduce;

import fasterjava.basics.Size;
import fasterjava.basics.mapreduce.MapReduceRun;
import fasterjava.basics.mapreduce.MapReduceRun.Measurement;
import fasterjava.spark.BorrowedContext;
import fasterjava.util.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faster spark basics mapreduce}: the measurements of the basics track's MapReduce topic
 * ({@link MapReduceBenchmark}). {@code bin/faster basics mapreduce} runs this command as a child process and draws
 * the charts; here it prints the measurements, as a table or (with {@code --json}) as one {@link MapReduceRun}
 * object on stdout, while progress and {@code verified:} lines go to stderr.
 */
@Command(name = "mapreduce", mixinStandardHelpOptions = true,
        description = "Word counts on a seeded Zipf text, each checked against a plain-Java count, then timed: "
                + "reduceByKey vs groupByKey (shuffle bytes), two outputs in two actions, persisted, or one pass, "
                + "local[1] vs local[2].")
public final class SparkMapReduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "small", paramLabel = "tiny|small|full",
            description = "Text of 200 thousand, 5 million or 40 million words (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Size parsed = Size.parse(size);
        if (((BorrowedContext) spec.root().userObject()).borrowed() != null) {
            throw new IllegalArgumentException("basics mapreduce starts Spark itself (it compares local[1] with "
                    + "local[2], one context after the other), so it cannot run inside a running Spark application");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MapReduceRun run = MapReduceBenchmark.run(parsed, line -> {
            err.println(line);
            err.flush();
        });
        if (json) {
            out.println(run.toJson());
        } else {
            out.print(table(run).toConsole());
            out.printf(Locale.ROOT, "%s, Spark %s, corpus %s (%,d words, %,d bytes)%n", run.machine(),
                    run.sparkVersion(), run.corpus().file(), run.corpus().words(), run.corpus().bytes());
        }
        out.flush();
        if (out.checkError()) {
            throw new IOException("cannot write to standard output");
        }
        return 0;
    }

    private static TextTable table(MapReduceRun run) {
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : run.measurements()) {
            rows.add(List.of(m.variant(), m.master(), String.format(Locale.ROOT, "%.3f", m.seconds()),
                    Long.toString(m.jobs()), Long.toString(m.inputBytes()), Long.toString(m.shuffleWriteBytes()),
                    Long.toString(m.shuffleWriteRecords()), Long.toString(m.cachedBytes())));
        }
        return new TextTable(List.of("variant", "master", "seconds", "jobs", "input bytes", "shuffle bytes",
                "shuffle records", "cached bytes"), rows);
    }
}
