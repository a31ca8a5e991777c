package fasterjava.spark;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * What a Spark command asks of the command line it runs under: a context the caller already runs, or none. The
 * commands see only this, not {@link SparkMain}, which lists them (so neither file needs the other both ways).
 */
public interface BorrowedContext {
    /** The caller's context, or null when the command starts (and stops) its own. */
    JavaSparkContext borrowed();
}
