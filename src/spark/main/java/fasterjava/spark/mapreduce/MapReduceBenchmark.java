package fasterjava.spark.mapreduce;

import fasterjava.basics.Size;
import fasterjava.basics.mapreduce.MapReduceRun;
import fasterjava.basics.mapreduce.MapReduceRun.Measurement;
import fasterjava.basics.mapreduce.MapReduceRun.StartUp;
import fasterjava.basics.mapreduce.PlainCounts;
import fasterjava.basics.mapreduce.Variant;
import fasterjava.basics.mapreduce.ZipfCorpus;
import fasterjava.ladder.Machine;
import fasterjava.ladder.VerificationException;
import fasterjava.spark.SparkContexts;
import fasterjava.spark.mapreduce.WordCountJobs.Counts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.RDDInfo;
import org.apache.spark.storage.StorageLevel;

/**
 * The MapReduce topic's measurements: every {@link Variant} on the same seeded Zipf text, each run checked against
 * the plain-Java count before its time is kept, with Spark's task metrics (input bytes, shuffle bytes and records)
 * read by a {@link JobMetrics} listener.
 *
 * <p>Order: the corpus (generated on first use) and its plain-Java count; a {@value #LOCAL_2} context for the
 * combiner, two-outputs and {@value #LOCAL_2} variants; then a {@value #LOCAL_1} context for {@value #LOCAL_1}.
 * Spark allows one context per JVM, so the second starts after the first stops; both start-up times are reported.
 * Each variant runs {@link #warmUpRuns} times untimed (class loading, JIT, Spark's own warm-up), then
 * {@link #timedRuns} times, and keeps its best time.
 */
public final class MapReduceBenchmark {
    static final String LOCAL_1 = "local[1]";
    static final String LOCAL_2 = "local[2]";
    /** Input partitions asked of {@code textFile}: enough for two cores to share; Hadoop may cut more. */
    static final int MIN_PARTITIONS = 4;

    private static final AtomicLong GROUPS = new AtomicLong();

    private final Size size;
    private final Consumer<String> log;
    private final JobMetrics metrics = new JobMetrics();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<StartUp> startUps = new ArrayList<>();
    private final List<String> verified = new ArrayList<>();
    private String text;
    private PlainCounts expected;

    private MapReduceBenchmark(Size size, Consumer<String> log) {
        this.size = size;
        this.log = log;
    }

    /** Runs every variant at {@code size}, starting and stopping its own Spark contexts; progress to {@code log}. */
    public static MapReduceRun run(Size size, Consumer<String> log) throws IOException, InterruptedException,
            TimeoutException {
        return new MapReduceBenchmark(size, log).run();
    }

    /**
     * Untimed runs before a variant's timed ones: none at tiny, which checks rather than measures (its times are
     * mostly Spark's fixed costs and first-run compilation), one at the sizes whose times are compared.
     */
    static int warmUpRuns(Size size) {
        return size == Size.TINY ? 0 : 1;
    }

    /** Timed runs per variant: one at tiny (seconds in all), more where the times are worth comparing. */
    static int timedRuns(Size size) {
        return switch (size) {
            case TINY -> 1;
            case SMALL -> 3;
            case FULL -> 2;
        };
    }

    private MapReduceRun run() throws IOException, InterruptedException, TimeoutException {
        ZipfCorpus corpus = ZipfCorpus.of(size);
        Path file = corpus.defaultFile();
        if (!Files.isRegularFile(file)) {
            long began = System.nanoTime();
            corpus.ensure();
            log.accept(String.format(Locale.ROOT, "generated %s (%,d bytes) in %.1f s", file, Files.size(file),
                    seconds(began)));
        }
        text = file.toAbsolutePath().toUri().toString();
        measurePlainJava(file);
        String sparkVersion;
        try (JavaSparkContext spark = start(LOCAL_2)) {
            sparkVersion = spark.version();
            // persist() last: the gigabytes it caches at full would weigh on the garbage collector of what follows.
            for (Variant variant : List.of(Variant.REDUCE_BY_KEY, Variant.GROUP_BY_KEY, Variant.LOCAL_2,
                    Variant.TWO_ACTIONS, Variant.ONE_PASS, Variant.TWO_ACTIONS_PERSISTED)) {
                measure(spark, variant);
            }
            checkShuffleRecords(spark);
        }
        try (JavaSparkContext spark = start(LOCAL_1)) {
            measure(spark, Variant.LOCAL_1);
        }
        measurements.sort(Comparator.comparing(Measurement::kind));
        return new MapReduceRun(size.label(), Machine.describe(), sparkVersion,
                new MapReduceRun.Corpus(file.toString(), Files.size(file), expected.totalWords(),
                        expected.words().size(), corpus.vocabulary(), corpus.exponent(), corpus.seed()),
                startUps, measurements, verified);
    }

    private void measurePlainJava(Path file) throws IOException {
        double best = Double.POSITIVE_INFINITY;
        PlainCounts counts = PlainCounts.of(file);
        for (int run = 0; run < timedRuns(size); run++) {
            long began = System.nanoTime();
            PlainCounts again = PlainCounts.of(file);
            best = Math.min(best, seconds(began));
            if (!again.equals(counts)) {
                throw new VerificationException("the plain-Java count of " + file + " differs between two runs");
            }
        }
        expected = counts;
        log.accept(String.format(Locale.ROOT, "plain Java: %,d words (%,d distinct), %,d characters in %.3f s",
                counts.totalWords(), counts.words().size(),
                counts.characters().values().stream().mapToLong(Long::longValue).sum(), best));
        measurements.add(new Measurement(Variant.PLAIN_JAVA.label(), "-", 1, timedRuns(size), best, 0, 0, 0, 0, 0));
    }

    private JavaSparkContext start(String master) {
        long began = System.nanoTime();
        JavaSparkContext spark = SparkContexts.start("faster-java basics mapreduce", master);
        double seconds = seconds(began);
        spark.sc().addSparkListener(metrics);
        startUps.add(new StartUp(spark.master(), seconds));
        log.accept(String.format(Locale.ROOT, "spark %s started in %.1f s (master %s)", spark.version(), seconds,
                spark.master()));
        return spark;
    }

    /**
     * One variant: {@link #warmUpRuns} untimed runs (its own code paths compiled, its classes loaded), then
     * {@link #timedRuns} runs; every run checked; the best time with that run's metrics.
     */
    private void measure(JavaSparkContext spark, Variant variant) throws InterruptedException, TimeoutException {
        for (int run = 0; run < warmUpRuns(size); run++) {
            long began = System.nanoTime();
            once(spark, variant);
            log.accept(String.format(Locale.ROOT, "%s on %s: warm-up run %.2f s (not timed)", variant.label(),
                    spark.master(), seconds(began)));
        }
        Measurement best = null;
        for (int run = 0; run < timedRuns(size); run++) {
            Measurement measured = once(spark, variant);
            if (best == null || measured.seconds() < best.seconds()) {
                best = measured;
            }
        }
        Measurement kept = Objects.requireNonNull(best);
        measurements.add(kept);
        log.accept(String.format(Locale.ROOT, "%-22s %8.3f s  input %,d B  shuffle %,d B in %,d records%s",
                variant.label(), kept.seconds(), kept.inputBytes(), kept.shuffleWriteBytes(),
                kept.shuffleWriteRecords(), kept.cachedBytes() > 0 ? "  cached " + kept.cachedBytes() + " B" : ""));
        check(variant.label() + ": " + describeCheck(variant) + " in each of "
                + (warmUpRuns(size) + timedRuns(size)) + " run(s)", true);
    }

    private static String describeCheck(Variant variant) {
        return switch (variant.question()) {
            case TWO_OUTPUTS -> "word and character counts equal the plain-Java counts";
            default -> "word counts equal the plain-Java count";
        };
    }

    private Measurement once(JavaSparkContext spark, Variant variant) throws InterruptedException,
            TimeoutException {
        String group = "faster-java-mapreduce-" + GROUPS.incrementAndGet();
        metrics.watch(group);
        spark.setJobGroup(group, variant.label(), false);
        JavaRDD<String> lines = lines(spark);
        int jobs = 1;
        long cachedBytes = 0;
        Counts counts;
        long began = System.nanoTime();
        long ended = 0;
        try {
            switch (variant) {
                case REDUCE_BY_KEY, LOCAL_1, LOCAL_2 -> counts = new Counts(
                        WordCountJobs.countWithCombiner(WordCountJobs.words(lines)), null);
                case GROUP_BY_KEY -> counts = new Counts(
                        WordCountJobs.countWithoutCombiner(WordCountJobs.words(lines)), null);
                case TWO_ACTIONS -> {
                    jobs = 2;
                    counts = new Counts(WordCountJobs.countWithCombiner(WordCountJobs.words(lines)),
                            WordCountJobs.countCharacters(WordCountJobs.words(lines)));
                }
                case TWO_ACTIONS_PERSISTED -> {
                    jobs = 2;
                    JavaRDD<String> words = WordCountJobs.words(lines).persist(StorageLevel.MEMORY_ONLY());
                    try {
                        counts = new Counts(WordCountJobs.countWithCombiner(words),
                                WordCountJobs.countCharacters(words));
                        ended = System.nanoTime();
                        cachedBytes = cachedBytes(spark, words.id());
                    } finally {
                        words.unpersist(true);
                    }
                }
                case ONE_PASS -> counts = WordCountJobs.bothCounts(WordCountJobs.words(lines));
                case PLAIN_JAVA -> throw new IllegalArgumentException("plain Java runs without Spark");
                default -> throw new IllegalArgumentException("unknown variant " + variant);
            }
            if (ended == 0) {
                ended = System.nanoTime();
            }
        } finally {
            spark.clearJobGroup();
        }
        requireEqual(variant.label(), "word", counts.words(), expected.words());
        if (counts.characters() != null) {
            requireEqual(variant.label(), "character", counts.characters(), expected.characters());
        }
        JobMetrics.Totals totals = metrics.await(group, jobs);
        return new Measurement(variant.label(), spark.master(), lines.getNumPartitions(), timedRuns(size),
                (ended - began) / 1e9, totals.jobs(), totals.inputBytes(), totals.shuffleWriteBytes(),
                totals.shuffleWriteRecords(), cachedBytes);
    }

    /**
     * The metrics are what the topic's shuffle figures rest on, so they are checked against counts made another
     * way: with a combiner each partition ships one record per distinct word it holds; without, one per word.
     */
    private void checkShuffleRecords(JavaSparkContext spark) {
        long perPartition = WordCountJobs.distinctWordsPerPartition(WordCountJobs.words(lines(spark)));
        long combined = measured(Variant.REDUCE_BY_KEY).shuffleWriteRecords();
        long uncombined = measured(Variant.GROUP_BY_KEY).shuffleWriteRecords();
        check(String.format(Locale.ROOT, "shuffle records: reduceByKey wrote %,d, the distinct words per partition "
                + "summed (%,d); groupByKey wrote %,d, one per word (%,d)", combined, perPartition, uncombined,
                expected.totalWords()), combined == perPartition && uncombined == expected.totalWords());
    }

    private Measurement measured(Variant variant) {
        return measurements.stream().filter(m -> m.kind() == variant).findFirst().orElseThrow();
    }

    private JavaRDD<String> lines(JavaSparkContext spark) {
        return spark.textFile(text, MIN_PARTITIONS);
    }

    private void check(String claim, boolean holds) {
        if (!holds) {
            throw new VerificationException("not verified: " + claim);
        }
        verified.add(claim);
        log.accept("verified: " + claim);
    }

    private static void requireEqual(String variant, String what, Map<String, Long> actual,
            Map<String, Long> expected) {
        if (actual.equals(expected)) {
            return;
        }
        String example = expected.keySet().stream().filter(key -> !expected.get(key).equals(actual.get(key)))
                .findFirst().map(key -> "'" + key + "': " + actual.get(key) + " instead of " + expected.get(key))
                .orElseGet(() -> actual.size() + " keys instead of " + expected.size());
        throw new VerificationException(variant + ": the " + what + " counts differ from the plain-Java count ("
                + example + ")");
    }

    private static long cachedBytes(JavaSparkContext spark, int rdd) {
        for (RDDInfo info : spark.sc().getRDDStorageInfo()) {
            if (info.id() == rdd) {
                return info.memSize();
            }
        }
        return 0;
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }
}
