package fasterjava.spark;

import fasterjava.corrset.data.Scores;
import fasterjava.corrset.search.PrefixTreeSearch;
import fasterjava.corrset.search.SearchRequest;
import fasterjava.corrset.search.SearchResult;
import fasterjava.corrset.search.UnitSearch;
import fasterjava.util.Progress;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The full k-corrset search as one Spark job: the single-machine engine ({@link PrefixTreeSearch}) run on ranges
 * of its work units, one range per task, and the ranges' results merged on the driver.
 *
 * <p><b>Data.</b> The indexed {@link Scores} are broadcast once; on each executor the first task prepares the
 * engine's per-user view of them and the executor's other tasks share it ({@link ExecutorSearches}).
 *
 * <p><b>Ranges.</b> {@link UnitRanges#balanced} cuts the units into contiguous ranges of about equal cost.
 * Each task runs {@link UnitSearch#run} on its range with {@link SearchRequest#threads()} threads (the command
 * passes {@code spark.task.cpus}) and returns the range's top list and counters.
 *
 * <p><b>Same answer.</b> A range's top list is exactly the best sets among the range's own sets, so the merged
 * list is the single-machine best list for any partitioning; merging is order-independent, so neither the order in
 * which tasks finish nor a re-run task changes it.
 *
 * <p><b>Counters and early stop.</b> {@code combinations} and {@code undefined} are the sets the tasks examined,
 * added up. With {@code exhaustive} every set is examined: C(Q, K) and the exact undefined count, as
 * {@code corrset best --exhaustive} reports. Without it each task stops on its own proof that its top list is full
 * of r = 1 sets, as the single-machine search stops on its own; tasks cannot see each other's proofs, so a
 * partitioned search may examine more sets than the single-machine one, and the counters then depend on the
 * partitioning. When no r = 1 set fills the top list, nothing stops and the counters are exact either way.
 */
public final class SparkCorrsetSearch {
    /** The algorithm named in results. */
    public static final String NAME = "spark prefix-tree";
    /** Default ranges per core: enough for Spark to even out ranges that run long, few enough to cost nothing. */
    public static final int RANGES_PER_CORE = 4;

    private static final AtomicLong JOBS = new AtomicLong();

    private final JavaSparkContext spark;

    public SparkCorrsetSearch(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** {@link #RANGES_PER_CORE} ranges per core Spark reports (its default parallelism). */
    public int defaultPartitions() {
        return RANGES_PER_CORE * spark.defaultParallelism();
    }

    /** The ranges a search of {@code request} is cut into for {@code partitions} tasks (fewer if units are few). */
    public static List<UnitRange> ranges(SearchRequest request, int partitions) {
        return UnitRanges.balanced(unitSizes(request), partitions);
    }

    /**
     * Searches every K-set of {@code request} in {@code partitions} Spark tasks (fewer if the search has fewer work
     * units); {@code progress} advances as tasks finish.
     */
    public SearchResult run(SearchRequest request, boolean exhaustive, int partitions, Progress progress) {
        long began = System.nanoTime();
        long[] sizes = unitSizes(request);
        List<UnitRange> ranges = UnitRanges.balanced(sizes, partitions);
        long[] rangeSets = new long[ranges.size()];
        long total = 0;
        for (int i = 0; i < ranges.size(); i++) {
            for (int unit = ranges.get(i).from(); unit < ranges.get(i).to(); unit++) {
                rangeSets[i] += sizes[unit];
            }
            total += rangeSets[i];
        }
        String group = "faster-java-corrset-" + JOBS.incrementAndGet();
        TaskProgress listener = new TaskProgress(group, rangeSets, progress);
        Broadcast<Scores> data = spark.broadcast(request.scores());
        progress.start("search " + NAME, total);
        spark.sc().addSparkListener(listener);
        try {
            spark.setJobGroup(group, "k-corrset K=" + request.k() + " over " + ranges.size() + " ranges", false);
            List<SearchResult> parts = spark.parallelize(ranges, ranges.size())
                    .map(new SearchRange(data, request.k(), request.minUsers(), request.top(), request.threads(),
                            exhaustive))
                    .collect();
            return SearchResult.merge(parts, request.top(), (System.nanoTime() - began) / 1e9, NAME);
        } finally {
            spark.clearJobGroup();
            spark.sc().removeSparkListener(listener);
            progress.finish();
            data.destroy();
            ExecutorSearches.release();
        }
    }

    private static long[] unitSizes(SearchRequest request) {
        return PrefixTreeSearch.unitSizes(request.scores().questionCount(), request.k());
    }

    /** One task: the engine, prepared once per executor, on one range of units. */
    private record SearchRange(Broadcast<Scores> data, int k, int minUsers, int top, int threads,
            boolean exhaustive) implements Function<UnitRange, SearchResult> {
        @Override
        public SearchResult call(UnitRange range) {
            UnitSearch search = ExecutorSearches.prepared(data, k, minUsers, top, threads, exhaustive);
            return search.run(range.from(), range.to(), Progress.NONE);
        }
    }

    /**
     * Advances the driver's progress by a range's sets when its task succeeds. Spark's listener bus is
     * asynchronous, so the last tasks may be reported after the job has returned; the display is finished then.
     */
    private static final class TaskProgress extends SparkListener {
        private final String group;
        private final long[] rangeSets;
        private final Progress progress;
        private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
        private final BitSet finished = new BitSet();

        TaskProgress(String group, long[] rangeSets, Progress progress) {
            this.group = group;
            this.rangeSets = rangeSets;
            this.progress = progress;
        }

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
            if (submitted.properties() != null
                    && group.equals(submitted.properties().getProperty("spark.jobGroup.id"))) {
                stages.add(submitted.stageInfo().stageId());
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            int range = end.taskInfo().index();
            if (!stages.contains(end.stageId()) || !end.taskInfo().successful() || range >= rangeSets.length) {
                return;
            }
            synchronized (finished) {
                if (finished.get(range)) {
                    return;
                }
                finished.set(range);
            }
            progress.advance(rangeSets[range]);
        }
    }
}
