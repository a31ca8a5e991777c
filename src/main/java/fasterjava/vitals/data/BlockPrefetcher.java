package fasterjava.vitals.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs an in-order block iterator on its own thread, a few blocks ahead of the caller, so generating the next
 * blocks overlaps with whatever the caller does with the current one (encoding and writing CSV). At most
 * {@code ahead} blocks wait in between, which bounds the memory. {@link #close()} stops the producer.
 */
final class BlockPrefetcher implements Iterator<VitalsBlock>, AutoCloseable {
    /** Marks the end of the blocks, or carries the producer's failure. */
    private record End(Throwable failure) {
    }

    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private Object next;
    private volatile boolean closed;

    BlockPrefetcher(Iterator<VitalsBlock> blocks, int ahead) {
        queue = new ArrayBlockingQueue<>(ahead);
        producer = Thread.ofPlatform().daemon().name("vitals-prefetch").start(() -> {
            Throwable failure = null;
            try {
                while (!closed && blocks.hasNext()) {
                    queue.put(blocks.next());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                failure = e;
            }
            try {
                queue.put(new End(failure));
            } catch (InterruptedException e) {
                // Closed while handing over the end: nobody is waiting for it.
            }
        });
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next block", e);
            }
        }
        if (next instanceof End end) {
            if (end.failure() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (end.failure() instanceof Error error) {
                throw error;
            }
            if (end.failure() != null) {
                throw new IllegalStateException(end.failure());
            }
            return false;
        }
        return true;
    }

    @Override
    public VitalsBlock next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        VitalsBlock block = (VitalsBlock) next;
        next = null;
        return block;
    }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        boolean interrupted = false;
        while (producer.isAlive()) {
            try {
                producer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
