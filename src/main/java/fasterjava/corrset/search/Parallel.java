package fasterjava.corrset.search;

import java.util.ArrayList;
import java.util.List;

/** Runs workers on their own platform threads and rethrows the first failure once all have stopped. */
final class Parallel {
    private Parallel() {
    }

    static void runAll(List<? extends Runnable> workers) {
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < workers.size(); i++) {
            Runnable worker = workers.get(i);
            Thread thread = new Thread(worker, "corrset-search-" + i);
            thread.setUncaughtExceptionHandler((t, e) -> {
                synchronized (failure) {
                    if (failure[0] == null) {
                        failure[0] = e;
                    } else {
                        failure[0].addSuppressed(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable first = failure[0];
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }
}
