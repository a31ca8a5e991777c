package fasterjava.basics.async;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The I/O-bound job: for each of {@code tasks} keys, look the key up, then look up the answer (a second call
 * that needs the first's result), and add up the second answers. Four ways to write it over
 * {@link SimulatedService}: nested callbacks, {@link CompletableFuture} chains, a virtual thread per task making
 * blocking calls, and the same blocking code on a fixed pool of platform threads. All must give {@link #expected}.
 */
final class IoJob {
    /** A run that has not finished after this long has lost answers: it fails instead of waiting forever. */
    private static final long DEADLINE_SECONDS = 600;

    private IoJob() {
    }

    /** The four ways. */
    enum Style {
        CALLBACKS("callbacks"),
        FUTURES("CompletableFuture chains"),
        VIRTUAL_THREADS("virtual threads, blocking calls"),
        PLATFORM_POOL("platform pool of " + EchoServer.PLATFORM_POOL_THREADS + ", blocking calls");

        final String label;

        Style(String label) {
            this.label = label;
        }
    }

    /** The job's answer, computed directly (no waits): the sum of answer(answer(k)) over the keys. */
    static long expected(int tasks) {
        long sum = 0;
        for (int key = 0; key < tasks; key++) {
            sum += SimulatedService.answer(SimulatedService.answer(key));
        }
        return sum;
    }

    static long run(Style style, SimulatedService service, int tasks) throws InterruptedException {
        return switch (style) {
            case CALLBACKS -> withCallbacks(service, tasks);
            case FUTURES -> withFutures(service, tasks);
            case VIRTUAL_THREADS -> blocking(service, tasks, Executors.newVirtualThreadPerTaskExecutor());
            case PLATFORM_POOL -> blocking(service, tasks, Executors.newFixedThreadPool(
                    EchoServer.PLATFORM_POOL_THREADS, Thread.ofPlatform().name("io-pool-", 0).daemon().factory()));
        };
    }

    /** Each answer's callback makes the next call; the last one adds and counts down. */
    static long withCallbacks(SimulatedService service, int tasks) throws InterruptedException {
        AtomicLong sum = new AtomicLong();
        CountDownLatch done = new CountDownLatch(tasks);
        for (int key = 0; key < tasks; key++) {
            service.lookup(key, first -> service.lookup(first, second -> {
                sum.addAndGet(second);
                done.countDown();
            }));
        }
        if (!done.await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " of " + tasks + " callbacks never came");
        }
        return sum.get();
    }

    /** {@code lookupAsync(key).thenCompose(lookupAsync)} per key, all joined. */
    static long withFutures(SimulatedService service, int tasks) throws InterruptedException {
        List<CompletableFuture<Integer>> seconds = new ArrayList<>(tasks);
        for (int key = 0; key < tasks; key++) {
            seconds.add(service.lookupAsync(key).thenCompose(service::lookupAsync));
        }
        try {
            CompletableFuture.allOf(seconds.toArray(CompletableFuture[]::new)).get(DEADLINE_SECONDS,
                    TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the future chains did not all complete: " + e, e);
        }
        long sum = 0;
        for (CompletableFuture<Integer> second : seconds) {
            sum += second.join();
        }
        return sum;
    }

    /** Straight-line blocking code per key, on {@code executor}, which is stopped before returning. */
    static long blocking(SimulatedService service, int tasks, ExecutorService executor) throws InterruptedException {
        try {
            List<Future<Integer>> seconds = new ArrayList<>(tasks);
            for (int key = 0; key < tasks; key++) {
                int k = key;
                seconds.add(executor.submit(() -> service.lookupBlocking(service.lookupBlocking(k))));
            }
            long sum = 0;
            for (Future<Integer> second : seconds) {
                sum += second.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            }
            return sum;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a blocking task failed or never finished: " + e, e);
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(DEADLINE_SECONDS, TimeUnit.SECONDS);
        }
    }
}
