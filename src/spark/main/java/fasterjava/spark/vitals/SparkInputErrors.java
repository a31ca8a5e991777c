package fasterjava.spark.vitals;

import fasterjava.corrset.data.BadInputException;
import fasterjava.vitals.Vital;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkThrowable;

/**
 * Spark's own reports of bad input, turned into the project's one-line {@link BadInputException}: a path that does
 * not exist, a header other than the spec's, a record with another number of fields than the header. Spark finds
 * the last two while a task reads the file, and reports them as a job failure whose causes carry an error
 * condition and its parameters ({@link SparkThrowable}): the file, the header check's message, the bad record.
 * It counts no lines, so these errors name the file and the record, not a line. Anything else is passed on.
 */
final class SparkInputErrors {
    private static final String SPEC_HEADER = String.join(",", Vital.INPUT_HEADER);

    private SparkInputErrors() {
    }

    static Exception translate(String path, Exception error) {
        Path file = Path.of(path);
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (!(cause instanceof SparkThrowable spark) || spark.getCondition() == null) {
                continue;
            }
            Map<String, String> parameters = spark.getMessageParameters();
            String condition = spark.getCondition();
            if (condition.startsWith("PATH_NOT_FOUND")) {
                return new BadInputException(file, null, null, "no such file or folder", error);
            }
            if (condition.startsWith("FAILED_READ_FILE") && parameters.containsKey("path")) {
                file = SparkVitalsFeatures.localPath(parameters.get("path"));
            }
            String message = parameters.getOrDefault("msg", "");
            if (message.contains("CSV header")) {
                return new BadInputException(file, null, null, "the header is not the spec's " + SPEC_HEADER + ": "
                        + headerProblem(message), error);
            }
            if (condition.startsWith("MALFORMED_CSV_RECORD")) {
                return new BadInputException(file, null, null, "a row does not have the header's "
                        + Vital.INPUT_HEADER.size() + " fields: " + parameters.get("badRecord"), error);
            }
        }
        return error;
    }

    /** What Spark's header check found, in a few words: the first differing name, or the column counts. */
    private static String headerProblem(String message) {
        for (String line : message.lines().map(String::strip).toList()) {
            if (line.startsWith("Expected: ")) {
                return line.substring("Expected: ".length()).replace(" but found: ", " expected, found ");
            }
            if (line.startsWith("Header length: ")) {
                String[] counts = line.replaceAll("[^0-9,]", "").split(",");
                return counts[0] + " columns instead of " + counts[1];
            }
        }
        return message.lines().findFirst().orElse(message);
    }
}
