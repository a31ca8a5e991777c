package fasterjava.basics.races;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The text's first race: two lists shared by two threads, each thread moving elements from one list to the
 * other. Every variant starts with the same elements and only moves them, so afterwards every element must be in
 * exactly one list, once.
 */
abstract class SharedLists {
    /** Elements in each list at the start: {@code 0..n-1} in the first, {@code n..2n-1} in the second. */
    final int perList;

    SharedLists(int perList) {
        this.perList = perList;
    }

    /** Moves from list {@code from} (0 or 1) to the other; how much at a time is the variant's choice. */
    abstract void move(int from);

    /** How many elements one {@link #move} call moves, about: 1, or the whole list. */
    int elementsPerMove() {
        return 1;
    }

    /** Both lists' contents, read after the moving threads have ended. */
    abstract List<Integer> contents();

    static List<Integer> ascending(int from, int count) {
        List<Integer> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(from + i);
        }
        return values;
    }

    /** Two {@link ArrayList}s, no coordination: the last element of one is popped and appended to the other. */
    static final class PopAndAppend extends SharedLists {
        private final List<List<Integer>> lists;

        PopAndAppend(int perList) {
            super(perList);
            lists = List.of(ascending(0, perList), ascending(perList, perList));
        }

        @Override
        void move(int from) {
            List<Integer> source = lists.get(from);
            if (!source.isEmpty()) {
                lists.get(1 - from).add(source.remove(source.size() - 1));
            }
        }

        @Override
        List<Integer> contents() {
            List<Integer> all = new ArrayList<>(lists.get(0));
            all.addAll(lists.get(1));
            return all;
        }
    }

    /** Two {@link ArrayList}s, no coordination: every element of one is appended to the other, then it is cleared. */
    static final class MoveAll extends SharedLists {
        private final List<List<Integer>> lists;

        MoveAll(int perList) {
            super(perList);
            lists = List.of(ascending(0, perList), ascending(perList, perList));
        }

        @Override
        void move(int from) {
            List<Integer> target = lists.get(1 - from);
            for (Integer element : lists.get(from)) {
                target.add(element);
            }
            lists.get(from).clear();
        }

        @Override
        int elementsPerMove() {
            return perList;
        }

        @Override
        List<Integer> contents() {
            List<Integer> all = new ArrayList<>(lists.get(0));
            all.addAll(lists.get(1));
            return all;
        }
    }

    /** Pop and append with both lists guarded by one monitor: a move is atomic. */
    static final class Synchronized extends SharedLists {
        private final List<List<Integer>> lists;

        Synchronized(int perList) {
            super(perList);
            lists = List.of(ascending(0, perList), ascending(perList, perList));
        }

        @Override
        void move(int from) {
            synchronized (this) {
                List<Integer> source = lists.get(from);
                if (!source.isEmpty()) {
                    lists.get(1 - from).add(source.remove(source.size() - 1));
                }
            }
        }

        @Override
        synchronized List<Integer> contents() {
            List<Integer> all = new ArrayList<>(lists.get(0));
            all.addAll(lists.get(1));
            return all;
        }
    }

    /** Pop and append with both lists guarded by one {@link ReentrantLock}. */
    static final class Locked extends SharedLists {
        private final List<List<Integer>> lists;
        private final ReentrantLock lock = new ReentrantLock();

        Locked(int perList) {
            super(perList);
            lists = List.of(ascending(0, perList), ascending(perList, perList));
        }

        @Override
        void move(int from) {
            lock.lock();
            try {
                List<Integer> source = lists.get(from);
                if (!source.isEmpty()) {
                    lists.get(1 - from).add(source.remove(source.size() - 1));
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        List<Integer> contents() {
            lock.lock();
            try {
                List<Integer> all = new ArrayList<>(lists.get(0));
                all.addAll(lists.get(1));
                return all;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Two {@link ConcurrentLinkedDeque}s: each poll and each add is atomic on its own, without a lock. A move as a
     * whole is not (an element is briefly in neither deque), but no element can be lost or taken twice.
     */
    static final class ConcurrentDeques extends SharedLists {
        private final List<ConcurrentLinkedDeque<Integer>> deques;

        ConcurrentDeques(int perList) {
            super(perList);
            deques = List.of(new ConcurrentLinkedDeque<>(ascending(0, perList)),
                    new ConcurrentLinkedDeque<>(ascending(perList, perList)));
        }

        @Override
        void move(int from) {
            Integer element = deques.get(from).pollLast();
            if (element != null) {
                deques.get(1 - from).addLast(element);
            }
        }

        @Override
        List<Integer> contents() {
            List<Integer> all = new ArrayList<>(deques.get(0));
            all.addAll(deques.get(1));
            return all;
        }
    }

    /** What the threads did to the lists: elements missing, elements present twice or more, null slots. */
    record Damage(int lost, int duplicated, int nulls, String unreadable) {
        boolean none() {
            return lost == 0 && duplicated == 0 && nulls == 0 && unreadable == null;
        }
    }

    /** Compares the contents with the elements put in at the start (each of {@code 0..2n-1} exactly once). */
    Damage damage() {
        List<Integer> all;
        try {
            all = contents();
        } catch (RuntimeException e) {
            // A racy ArrayList can end with a size its array cannot hold.
            return new Damage(0, 0, 0, e.getClass().getSimpleName());
        }
        int[] seen = new int[2 * perList];
        int nulls = 0;
        for (Iterator<Integer> it = all.iterator(); it.hasNext(); ) {
            Integer element = it.next();
            if (element == null) {
                nulls++;
            } else {
                seen[element]++;
            }
        }
        int lost = 0;
        int duplicated = 0;
        for (int count : seen) {
            if (count == 0) {
                lost++;
            } else if (count > 1) {
                duplicated += count - 1;
            }
        }
        return new Damage(lost, duplicated, nulls, null);
    }
}
