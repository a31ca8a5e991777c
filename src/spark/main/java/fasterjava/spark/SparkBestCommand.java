package fasterjava.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import fasterjava.cli.BestOutput;
import fasterjava.cli.DataOptions;
import fasterjava.cli.SearchOptions;
import fasterjava.corrset.data.Scores;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.util.ConsoleProgress;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faster spark corrset best}: {@code corrset best} as a Spark job ({@link SparkCorrsetSearch}). Same options
 * and output, plus where to run ({@code --master}) and into how many tasks to cut the search
 * ({@code --partitions}). {@code --threads} and {@code --checkpoint} have no place here: Spark's cores and
 * {@code spark.task.cpus} set the parallelism, and Spark re-runs a lost task instead of resuming a file.
 */
@Command(name = "best", mixinStandardHelpOptions = true,
        description = "Search every K-subset of the questions as a Spark job and print the best set(s), exactly as "
                + "'corrset best' does.",
        footer = {"", "With early stop (the default), combinations counts the sets the tasks examined: each task "
                + "stops on its own proof that r = 1 sets fill its top list, so it depends on --partitions. "
                + "--exhaustive counts every set, as 'corrset best --exhaustive' does. The best sets never "
                + "depend on it."})
final class SparkBestCommand implements Callable<Integer> {
    static final String LOCAL_MASTER = "local[*]";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    SearchOptions search;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*], local[N], spark://host:7077, yarn, k8s://... (default: the one "
                    + "spark-submit passes, else " + LOCAL_MASTER + ").")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Spark tasks, each a range of the search's work units (default: "
                    + SparkCorrsetSearch.RANGES_PER_CORE + " per core of the master).")
    Integer partitions;

    /** {@code corrset best} options that have no place here: refused with the reason, not as unknown options. */
    @Option(names = "--threads", hidden = true)
    Integer threads;

    @Option(names = "--checkpoint", hidden = true)
    String checkpoint;

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            throw new IllegalArgumentException("--threads: Spark sets the threads here (the cores of --master, e.g. "
                    + "local[4], and spark.task.cpus per task)");
        }
        if (checkpoint != null) {
            throw new IllegalArgumentException("--checkpoint: a Spark search keeps no checkpoint (Spark runs a lost "
                    + "task again)");
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        PrintWriter err = spec.commandLine().getErr();
        Scores scores = data.load(err);
        // Checked before Spark starts (seconds), so a bad option fails at once.
        search.request(scores, data.k(), 1);
        BigInteger sets = BestOutput.requireSearchable(scores, data.k());
        JavaSparkContext borrowed = ((BorrowedContext) spec.root().userObject()).borrowed();
        if (borrowed != null) {
            if (master != null) {
                throw new IllegalArgumentException("--master " + master + ": this JVM already runs Spark on "
                        + borrowed.master() + ", and the search uses that");
            }
            search(borrowed, scores, sets, err);
        } else {
            long started = System.nanoTime();
            try (JavaSparkContext spark = SparkContexts.start("faster-java corrset best", master)) {
                err.printf(Locale.ROOT, "spark %s started in %.1f s (master %s, %d cores)%n", spark.version(),
                        (System.nanoTime() - started) / 1e9, spark.master(), spark.defaultParallelism());
                search(spark, scores, sets, err);
            }
        }
        return 0;
    }

    private void search(JavaSparkContext spark, Scores scores, BigInteger sets, PrintWriter err)
            throws JsonProcessingException {
        int threads = SparkContexts.taskCpus(spark);
        SearchRequest request = search.request(scores, data.k(), threads);
        SparkCorrsetSearch engine = new SparkCorrsetSearch(spark);
        int asked = partitions != null ? partitions : engine.defaultPartitions();
        int tasks = SparkCorrsetSearch.ranges(request, asked).size();
        err.printf(Locale.ROOT, "searching %,d sets of %d with %s in %d task(s)%s%n", sets, data.k(),
                SparkCorrsetSearch.NAME, tasks,
                tasks < asked ? " (the search has only " + tasks + (tasks == 1 ? " work unit)" : " work units)") : "");
        SearchResult result = engine.run(request, search.exhaustive(), asked, new ConsoleProgress());
        BestOutput.print(spec.commandLine().getOut(), scores, data.k(), search, result);
    }
}
