package fasterjava.spark.mapreduce;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Spark's task metrics summed per job group: the jobs a measured action started, the bytes its tasks read from
 * the input, and what the map side of its shuffles wrote (bytes as stored, compressed; records). A
 * {@link SparkListener}, so it sees what Spark's web UI shows without a UI.
 *
 * <p>Spark delivers listener events on its own thread after the action has returned. It posts every task's end
 * before its job's end, and a job's end before the action returns, so {@link #await} waits until the group's
 * started jobs have all ended: the totals are complete then.
 */
final class JobMetrics extends SparkListener {
    /** Totals of one job group. */
    record Totals(int jobs, long inputBytes, long shuffleWriteBytes, long shuffleWriteRecords) {
    }

    private static final class Counters {
        int started;
        int ended;
        long inputBytes;
        long shuffleWriteBytes;
        long shuffleWriteRecords;
    }

    private final Map<String, Counters> groups = new ConcurrentHashMap<>();
    private final Map<Integer, String> stageGroups = new ConcurrentHashMap<>();
    private final Map<Integer, String> jobGroups = new ConcurrentHashMap<>();

    /** Starts counting the jobs of {@code group} (set with {@code setJobGroup} before the action). */
    void watch(String group) {
        groups.put(group, new Counters());
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String group = start.properties() == null ? null : start.properties().getProperty("spark.jobGroup.id");
        Counters counters = group == null ? null : groups.get(group);
        if (counters == null) {
            return;
        }
        jobGroups.put(start.jobId(), group);
        start.stageIds().foreach(stage -> stageGroups.put((Integer) stage, group));
        synchronized (counters) {
            counters.started++;
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        String group = stageGroups.get(end.stageId());
        TaskMetrics metrics = end.taskMetrics();
        if (group == null || metrics == null || !end.taskInfo().successful()) {
            return;
        }
        Counters counters = groups.get(group);
        synchronized (counters) {
            counters.inputBytes += metrics.inputMetrics().bytesRead();
            counters.shuffleWriteBytes += metrics.shuffleWriteMetrics().bytesWritten();
            counters.shuffleWriteRecords += metrics.shuffleWriteMetrics().recordsWritten();
        }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        String group = jobGroups.remove(end.jobId());
        if (group == null) {
            return;
        }
        Counters counters = groups.get(group);
        synchronized (counters) {
            counters.ended++;
            counters.notifyAll();
        }
    }

    /**
     * The totals of {@code group} once at least {@code jobs} of its jobs started and all started ones ended; the
     * group is forgotten then.
     */
    Totals await(String group, int jobs) throws TimeoutException, InterruptedException {
        Counters counters = groups.get(group);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        synchronized (counters) {
            while (counters.started < jobs || counters.ended < counters.started) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("Spark reported " + counters.ended + " of " + counters.started
                            + " jobs of " + group + " as ended after a minute");
                }
                TimeUnit.NANOSECONDS.timedWait(counters, left);
            }
            groups.remove(group);
            stageGroups.values().removeIf(group::equals);
            return new Totals(counters.started, counters.inputBytes, counters.shuffleWriteBytes,
                    counters.shuffleWriteRecords);
        }
    }
}
