package fasterjava.basics.track;

import fasterjava.basics.Topic;
import fasterjava.basics.anagrams.AnagramsTopic;
import fasterjava.basics.async.AsyncTopic;
import fasterjava.basics.collections.CollectionsTopic;
import fasterjava.basics.growth.GrowthTopic;
import fasterjava.basics.mapreduce.MapReduceTopic;
import fasterjava.basics.memory.MemoryTopic;
import fasterjava.basics.processes.ProcessesTopic;
import fasterjava.basics.races.RacesTopic;
import fasterjava.basics.simd.SimdTopic;
import fasterjava.basics.strings.StringsTopic;
import java.util.List;

/** The basics track's topics in reading order. Every {@link Topic} implementation must be listed here. */
public final class Topics {
    private static final List<Topic> ALL = List.of(
            new GrowthTopic(),
            new CollectionsTopic(),
            new StringsTopic(),
            new AnagramsTopic(),
            new SimdTopic(),
            new MemoryTopic(),
            new RacesTopic(),
            new ProcessesTopic(),
            new AsyncTopic(),
            new MapReduceTopic());

    private Topics() {
    }

    public static List<Topic> all() {
        return ALL;
    }

    /** The topic with this slug ({@code strings}), number ({@code 03}, {@code 3}) or id ({@code 03-strings}). */
    public static Topic find(String name) {
        String wanted = name.trim();
        for (Topic topic : ALL) {
            if (topic.slug().equals(wanted) || topic.id().equals(wanted)
                    || (wanted.matches("\\d{1,2}") && Integer.parseInt(wanted) == Integer.parseInt(topic.number()))) {
                return topic;
            }
        }
        throw new IllegalArgumentException("no basics topic '" + name + "': the topics are "
                + String.join(", ", ALL.stream().map(Topic::slug).toList()));
    }
}
