package fasterjava.basics.races;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The text's second race: one counter, one thread incrementing it and one decrementing it as often. The final
 * count must be where it started, zero.
 */
interface SharedCounter {
    void increment();

    void decrement();

    /** The count, read after both threads have ended. */
    long value();

    /** A plain field: {@code ++} is a read, an add and a write, and the JIT may keep the field in a register. */
    final class Plain implements SharedCounter {
        private long count;

        @Override
        public void increment() {
            count++;
        }

        @Override
        public void decrement() {
            count--;
        }

        @Override
        public long value() {
            return count;
        }
    }

    /**
     * A volatile field: every read and write reaches memory, yet {@code ++} is still three steps, not one (the
     * non-atomic update of a volatile is this variant's point).
     */
    final class Volatile implements SharedCounter {
        private volatile long count;

        @Override
        public void increment() {
            count++;
        }

        @Override
        public void decrement() {
            count--;
        }

        @Override
        public long value() {
            return count;
        }
    }

    /** {@code synchronized} methods: one thread at a time inside, and its writes visible to the next. */
    final class Synchronized implements SharedCounter {
        private long count;

        @Override
        public synchronized void increment() {
            count++;
        }

        @Override
        public synchronized void decrement() {
            count--;
        }

        @Override
        public synchronized long value() {
            return count;
        }
    }

    /** A {@link ReentrantLock} around each update. */
    final class Locked implements SharedCounter {
        private final ReentrantLock lock = new ReentrantLock();
        private long count;

        @Override
        public void increment() {
            lock.lock();
            try {
                count++;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void decrement() {
            lock.lock();
            try {
                count--;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long value() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }
    }

    /** {@link AtomicLong}: the read-add-write is one atomic instruction (lock xadd on x86). */
    final class Atomic implements SharedCounter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void increment() {
            count.incrementAndGet();
        }

        @Override
        public void decrement() {
            count.decrementAndGet();
        }

        @Override
        public long value() {
            return count.get();
        }
    }

    /** {@link LongAdder}: contending threads add into separate cells, summed when read. */
    final class Adder implements SharedCounter {
        private final LongAdder count = new LongAdder();

        @Override
        public void increment() {
            count.increment();
        }

        @Override
        public void decrement() {
            count.decrement();
        }

        @Override
        public long value() {
            return count.sum();
        }
    }
}
