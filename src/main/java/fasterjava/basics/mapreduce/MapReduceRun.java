package fasterjava.basics.mapreduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What {@code bin/faster spark basics mapreduce --json} measured, in the form it prints and the basics topic
 * reads: the corpus, Spark's start-up, each variant's best time with Spark's task metrics, and the checks made.
 *
 * @param size the basics size run ({@code tiny}, {@code small}, {@code full})
 * @param machine CPU, cores, JDK, OS of the run
 * @param sparkVersion the Spark version that ran the jobs
 * @param corpus the text counted
 * @param startUps how long each Spark context took to start
 * @param measurements one per {@link Variant}, in the order run
 * @param verified one sentence per check that passed (each printed as a {@code verified:} line too)
 */
public record MapReduceRun(String size, String machine, String sparkVersion, Corpus corpus,
        List<StartUp> startUps, List<Measurement> measurements, List<String> verified) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public MapReduceRun {
        startUps = List.copyOf(startUps);
        measurements = List.copyOf(measurements);
        verified = List.copyOf(verified);
    }

    /**
     * @param file where the text is
     * @param bytes its size
     * @param words word occurrences
     * @param distinctWords distinct words in it
     * @param vocabulary words the generator could draw
     * @param exponent Zipf's exponent
     * @param seed the generator's seed
     */
    public record Corpus(String file, long bytes, long words, long distinctWords, int vocabulary, double exponent,
            long seed) {
    }

    /** A Spark context on {@code master} took {@code seconds} to start. */
    public record StartUp(String master, double seconds) {
    }

    /**
     * One variant's best run, with Spark's task metrics summed over that run's tasks (all zero for plain Java).
     *
     * @param variant the {@link Variant#label()}
     * @param master where it ran ({@code local[2]}; {@code -} for plain Java)
     * @param partitions the input's partitions
     * @param runs timed runs; {@code seconds} is the best
     * @param seconds wall time of the best run
     * @param jobs Spark jobs the run started
     * @param inputBytes bytes the tasks read from the text file
     * @param shuffleWriteBytes bytes the map side wrote to the shuffle (compressed, as Spark stores them)
     * @param shuffleWriteRecords records the map side wrote to the shuffle
     * @param cachedBytes bytes held in memory by {@code persist} at the end of the run
     */
    public record Measurement(String variant, String master, int partitions, int runs, double seconds, long jobs,
            long inputBytes, long shuffleWriteBytes, long shuffleWriteRecords, long cachedBytes) {
        public Variant kind() {
            return Variant.ofLabel(variant);
        }
    }

    /** The measurement of {@code variant}; an error if the run has none. */
    public Measurement of(Variant variant) {
        return measurements.stream().filter(m -> m.variant().equals(variant.label())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the run has no " + variant.label() + " measurement"));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run record always serializes", e);
        }
    }

    /** Reads what {@link #toJson()} wrote; a malformed text is an {@link IllegalArgumentException}. */
    public static MapReduceRun fromJson(String json) {
        try {
            return JSON.readValue(json, MapReduceRun.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a MapReduce run: " + e.getOriginalMessage(), e);
        }
    }
}
