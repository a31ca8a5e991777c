package fasterjava.spark.vitals;

import fasterjava.spark.BorrowedContext;
import fasterjava.spark.SparkContexts;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faster spark vitals features}: the vitals spec's features of a CSV file or a folder of CSV files as a
 * Spark SQL job ({@link SparkVitalsFeatures}), written to {@code OUT/features.csv}. Embedded {@code local[*]} by
 * default; {@code --master} or {@code spark-submit} run it on a cluster.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "The spec's 49 feature columns per patient, computed by Spark SQL, into OUT/"
                + SparkVitalsFeatures.OUTPUT_FILE + ".",
        footer = {"", "A folder's files are read in name order (hidden files and names starting with _ are "
                + "skipped); patients come out in order of first appearance across them. Errors name the file and "
                + "the data row: Spark skips blank lines and counts no lines."})
public final class SparkVitalsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE_OR_FOLDER",
            description = "A CSV file in the spec's input format, or a folder of them.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "A new folder for the output (it must not exist).")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*], local[N], spark://host:7077, yarn, k8s://... (default: the one "
                    + "spark-submit passes, else local[*]).")
    String master;

    @Override
    public Integer call() throws Exception {
        if (!out.contains(":") && Files.exists(Path.of(out))) {
            throw new IllegalArgumentException("--out " + out + " already exists: the features go into a new folder");
        }
        PrintWriter err = spec.commandLine().getErr();
        JavaSparkContext borrowed = ((BorrowedContext) spec.root().userObject()).borrowed();
        if (borrowed != null) {
            if (master != null) {
                throw new IllegalArgumentException("--master " + master + ": this JVM already runs Spark on "
                        + borrowed.master() + ", and the job uses that");
            }
            run(SparkSession.builder().sparkContext(borrowed.sc()).getOrCreate(), err);
            return 0;
        }
        long started = System.nanoTime();
        try (JavaSparkContext spark = SparkContexts.start("faster-java vitals features", master)) {
            err.printf(Locale.ROOT, "spark %s started in %.1f s (master %s, %d cores)%n", spark.version(),
                    (System.nanoTime() - started) / 1e9, spark.master(), spark.defaultParallelism());
            run(SparkSession.builder().sparkContext(spark.sc()).getOrCreate(), err);
        }
        return 0;
    }

    private void run(SparkSession spark, PrintWriter err) throws Exception {
        // The plans have ~100 columns; Spark would warn that it shortens their text (in logs nobody reads here).
        spark.conf().set("spark.sql.debug.maxToStringFields", 1000);
        long began = System.nanoTime();
        Dataset<Row> rows = null;
        try {
            rows = SparkVitalsFeatures.load(spark, data);
            long loaded = System.nanoTime();
            err.printf(Locale.ROOT, "read and checked %,d rows in %.1f s%n", rows.count(), (loaded - began) / 1e9);
            Path written = SparkVitalsFeatures.write(SparkVitalsFeatures.features(rows), out);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "wrote %s in %.1f s (features %.1f s)%n", written,
                    (System.nanoTime() - began) / 1e9, (System.nanoTime() - loaded) / 1e9);
            stdout.flush();
        } catch (Exception e) {
            // Scala code throws checked exceptions (AnalysisException) without declaring them.
            throw SparkInputErrors.translate(data, e);
        } finally {
            if (rows != null) {
                rows.unpersist();
            }
        }
    }
}
