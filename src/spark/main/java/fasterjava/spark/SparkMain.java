package fasterjava.spark;

import fasterjava.cli.Main;
import fasterjava.spark.mapreduce.SparkMapReduceCommand;
import fasterjava.spark.vitals.SparkVitalsCommand;
import java.io.PrintWriter;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/faster spark ...}, and the main class of {@code faster-java-spark.jar} under {@code spark-submit}: the
 * project's searches as Spark jobs. Same error messages and exit codes as {@code bin/faster} ({@link Main}).
 */
@Command(name = "faster spark", mixinStandardHelpOptions = true, version = "faster-java 0.1",
        description = "The project's Spark jobs (the k-corrset full search, the vitals features, the basics "
                + "track's MapReduce measurements): embedded (local[*]) or on a cluster.",
        subcommands = {SparkMain.Corrset.class, SparkMain.Vitals.class, SparkMain.Basics.class,
                CommandLine.HelpCommand.class})
public final class SparkMain implements BorrowedContext {
    /** A context the caller already runs, used instead of starting one; null to start (and stop) our own. */
    private final JavaSparkContext borrowed;

    private SparkMain(JavaSparkContext borrowed) {
        this.borrowed = borrowed;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams (tests capture them) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return Main.run(new CommandLine(new SparkMain(null)), out, err, args);
    }

    /**
     * Runs the command line on a Spark context this JVM already runs (an application, a notebook, a test suite:
     * Spark allows one per JVM) and leaves it running.
     */
    public static int run(JavaSparkContext spark, PrintWriter out, PrintWriter err, String... args) {
        return Main.run(new CommandLine(new SparkMain(Objects.requireNonNull(spark))), out, err, args);
    }

    @Override
    public JavaSparkContext borrowed() {
        return borrowed;
    }

    @Command(name = "corrset", mixinStandardHelpOptions = true,
            description = "k-corrset: the K questions whose summed score correlates best with users' total score.",
            subcommands = {SparkBestCommand.class})
    static final class Corrset {
    }

    @Command(name = "vitals", mixinStandardHelpOptions = true,
            description = "Patient vitals: the spec's per-patient features.", subcommands = {SparkVitalsCommand.class})
    static final class Vitals {
    }

    @Command(name = "basics", mixinStandardHelpOptions = true,
            description = "The basics track's Spark measurements (bin/faster basics runs them and draws the charts).",
            subcommands = {SparkMapReduceCommand.class})
    static final class Basics {
    }
}
