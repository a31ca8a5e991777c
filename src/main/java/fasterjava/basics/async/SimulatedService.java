package fasterjava.basics.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A stand-in for a remote service: every lookup answers after a fixed wait, as a network call would, without
 * using the CPU meanwhile. It offers the three shapes an I/O API can take — a callback, a future, a blocking call
 * — over the same answers. The asynchronous ones share one timer thread; {@link #close()} stops it.
 */
final class SimulatedService implements AutoCloseable {
    private final long waitMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("simulated-service").daemon().factory());

    SimulatedService(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    /** The service's answer for {@code key}: a fixed scramble, so a wrong key or a lost answer shows in a sum. */
    static int answer(int key) {
        return (key * 0x9E3779B1 >>> 8) & 0xFFFF;
    }

    /** Calls {@code callback} with the answer after the wait, on the service's timer thread. */
    void lookup(int key, IntConsumer callback) {
        timer.schedule(() -> callback.accept(answer(key)), waitMillis, TimeUnit.MILLISECONDS);
    }

    /** A future completed with the answer after the wait. */
    CompletableFuture<Integer> lookupAsync(int key) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        timer.schedule(() -> result.complete(answer(key)), waitMillis, TimeUnit.MILLISECONDS);
        return result;
    }

    /** Blocks the calling thread for the wait, then returns the answer. */
    int lookupBlocking(int key) throws InterruptedException {
        Thread.sleep(waitMillis);
        return answer(key);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
