package fasterjava.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local Spark context for every test in the run ({@code @ExtendWith(SharedSpark.class)}, then a
 * {@link JavaSparkContext} parameter): Spark allows one per JVM, and starting it takes seconds. Two cores, so
 * tasks really run side by side; stopped when the whole run ends.
 */
public final class SharedSpark implements ParameterResolver {
    public static final String MASTER = "local[2]";

    /** Closed by JUnit with the root context, after the last test. */
    private record Context(JavaSparkContext spark) implements AutoCloseable {
        @Override
        public void close() {
            spark.stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == JavaSparkContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getRoot().getStore(ExtensionContext.Namespace.create(SharedSpark.class))
                .getOrComputeIfAbsent(Context.class, key -> start(), Context.class).spark();
    }

    private static Context start() {
        SparkConf conf = new SparkConf().setAppName("faster-java spark tests").setMaster(MASTER)
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false");
        return new Context(new JavaSparkContext(conf));
    }
}
