package fasterjava.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

/** Starts the Spark context of a command: the master asked for, else spark-submit's, else all local cores. */
public final class SparkContexts {
    private SparkContexts() {
    }

    /**
     * A context named {@code app} on {@code master} (null: {@code spark.master} as spark-submit sets it, else
     * {@code local[*]}). Local runs get no web UI (nobody watches a run of seconds, and it takes a port); a master
     * URL Spark cannot parse is a usage error naming the option.
     */
    public static JavaSparkContext start(String app, String master) {
        SparkConf conf = new SparkConf().setAppName(app);
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", SparkBestCommand.LOCAL_MASTER);
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        // Our own progress bar reports the search; Spark's would draw over it.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) {
            // Scala code throws SparkException without declaring it.
            if (e instanceof SparkException && e.getMessage() != null && e.getMessage().contains("Master URL")) {
                throw new IllegalArgumentException("--master: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Threads each task may use: {@code spark.task.cpus}, 1 unless the job asked for more. */
    public static int taskCpus(JavaSparkContext spark) {
        return spark.getConf().getInt("spark.task.cpus", 1);
    }
}
