package fasterjava.spark.mapreduce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The MapReduce topic's Spark jobs on an RDD of text lines: word counts with and without a combiner, character
 * counts, and both counts from one job. Each method ends in one action (one Spark job), so the caller can time
 * and meter it; the functions are static so no enclosing object is shipped to the tasks.
 */
final class WordCountJobs {
    private static final Pattern SPACE = Pattern.compile(" ");
    /**
     * Prefix of the character keys in {@link #bothCounts}: a space, which no word contains, so a key is a
     * character exactly when it starts with it.
     */
    static final String CHARACTER_TAG = " ";

    private WordCountJobs() {
    }

    /** Word and character counts, as the two outputs of the topic's jobs. */
    record Counts(Map<String, Long> words, Map<String, Long> characters) {
    }

    /** The words of the lines (split on single spaces, empty strings dropped). */
    static JavaRDD<String> words(JavaRDD<String> lines) {
        return lines.flatMap(line -> List.of(SPACE.split(line)).iterator()).filter(word -> !word.isEmpty());
    }

    /** Word counts with a combiner: {@code reduceByKey} sums each partition's counts before the shuffle. */
    static Map<String, Long> countWithCombiner(JavaRDD<String> words) {
        return new HashMap<>(ones(words).reduceByKey(Long::sum).collectAsMap());
    }

    /** Word counts without one: {@code groupByKey} ships every (word, 1) through the shuffle, then counts. */
    static Map<String, Long> countWithoutCombiner(JavaRDD<String> words) {
        return new HashMap<>(ones(words).groupByKey().mapValues(WordCountJobs::size).collectAsMap());
    }

    /** Character counts (each character of each word), with a combiner. */
    static Map<String, Long> countCharacters(JavaRDD<String> words) {
        return new HashMap<>(words.flatMapToPair(WordCountJobs::characterOnes).reduceByKey(Long::sum)
                .collectAsMap());
    }

    /**
     * Word and character counts from one job: every word emits its own key and one tagged key per character, one
     * {@code reduceByKey} sums both kinds, and the driver splits the result by the tag.
     */
    static Counts bothCounts(JavaRDD<String> words) {
        JavaPairRDD<String, Long> tagged = words.flatMapToPair(word -> {
            List<Tuple2<String, Long>> pairs = new ArrayList<>(word.length() + 1);
            pairs.add(new Tuple2<>(word, 1L));
            for (int i = 0; i < word.length(); i++) {
                pairs.add(new Tuple2<>(CHARACTER_TAG + word.charAt(i), 1L));
            }
            return pairs.iterator();
        });
        Map<String, Long> wordCounts = new HashMap<>();
        Map<String, Long> characters = new HashMap<>();
        tagged.reduceByKey(Long::sum).collectAsMap().forEach((key, count) -> {
            if (key.startsWith(CHARACTER_TAG)) {
                characters.put(key.substring(CHARACTER_TAG.length()), count);
            } else {
                wordCounts.put(key, count);
            }
        });
        return new Counts(wordCounts, characters);
    }

    /** Σ over partitions of the distinct words in each: the records a combiner leaves to shuffle. */
    static long distinctWordsPerPartition(JavaRDD<String> words) {
        return words.mapPartitions(WordCountJobs::distinctCount).reduce(Long::sum);
    }

    private static JavaPairRDD<String, Long> ones(JavaRDD<String> words) {
        return words.mapToPair(word -> new Tuple2<>(word, 1L));
    }

    private static Iterator<Tuple2<String, Long>> characterOnes(String word) {
        List<Tuple2<String, Long>> pairs = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            pairs.add(new Tuple2<>(String.valueOf(word.charAt(i)), 1L));
        }
        return pairs.iterator();
    }

    private static long size(Iterable<Long> ones) {
        long count = 0;
        for (Long ignored : ones) {
            count++;
        }
        return count;
    }

    private static Iterator<Long> distinctCount(Iterator<String> words) {
        Set<String> distinct = new HashSet<>();
        words.forEachRemaining(distinct::add);
        return List.of((long) distinct.size()).iterator();
    }
}
