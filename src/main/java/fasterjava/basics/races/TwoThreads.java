package fasterjava.basics.races;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs two tasks on two fresh platform threads released at the same instant, and reports how long both took and
 * what they threw. A race needs both threads inside the shared code at once: without the common start, the first
 * thread could finish before the second is even scheduled.
 */
final class TwoThreads {
    /** Far longer than any trial takes; a thread still running after it means a bug, reported as one. */
    private static final long JOIN_TIMEOUT_SECONDS = 120;

    private TwoThreads() {
    }

    /**
     * One run.
     *
     * @param nanos from the common start until both threads had ended
     * @param failures what the threads threw (empty when neither threw), first thread first
     */
    record Run(long nanos, List<Throwable> failures) {
        Run {
            failures = List.copyOf(failures);
        }
    }

    static Run run(Runnable first, Runnable second) {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        Throwable[] thrown = new Throwable[2];
        Runnable[] tasks = {first, second};
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int index = t;
            threads[t] = Thread.ofPlatform().name("race-" + t).start(() -> {
                ready.countDown();
                try {
                    go.await();
                    tasks[index].run();
                } catch (Throwable e) {
                    thrown[index] = e; // published to the caller by join()
                }
            });
        }
        try {
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(JOIN_TIMEOUT_SECONDS));
                if (thread.isAlive()) {
                    thread.interrupt();
                    throw new IllegalStateException(thread.getName() + " still running after "
                            + JOIN_TIMEOUT_SECONDS + " s");
                }
            }
            long nanos = System.nanoTime() - start;
            List<Throwable> failures = new ArrayList<>();
            for (Throwable e : thrown) {
                if (e != null) {
                    failures.add(e);
                }
            }
            return new Run(nanos, failures);
        } catch (InterruptedException e) {
            for (Thread thread : threads) {
                thread.interrupt();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while two racing threads ran", e);
        }
    }
}
