package fasterjava.basics.races;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The two races, each variant run over repeated trials on two threads released together, and what happened in
 * each trial tallied: a right or wrong result, and how it went wrong.
 */
final class Races {
    /** Elements each list starts with. */
    static final int PER_LIST = 100;

    private Races() {
    }

    /** The list race's variants: two that race, three fixes. */
    enum ListVariant {
        RACY_POP_AND_APPEND("ArrayList, pop and append", true, SharedLists.PopAndAppend::new),
        RACY_MOVE_ALL("ArrayList, for-each add, then clear", true, SharedLists.MoveAll::new),
        SYNCHRONIZED("synchronized pop and append", false, SharedLists.Synchronized::new),
        REENTRANT_LOCK("ReentrantLock around pop and append", false, SharedLists.Locked::new),
        CONCURRENT_DEQUE("ConcurrentLinkedDeque pollLast, addLast", false, SharedLists.ConcurrentDeques::new);

        final String label;
        final boolean racy;
        final IntFunction<SharedLists> create;

        ListVariant(String label, boolean racy, IntFunction<SharedLists> create) {
            this.label = label;
            this.racy = racy;
            this.create = create;
        }
    }

    /** The counter race's variants: two that race, four fixes. */
    enum CounterVariant {
        RACY_PLAIN("long field, ++ and --", true, SharedCounter.Plain::new),
        RACY_VOLATILE("volatile long, ++ and --", true, SharedCounter.Volatile::new),
        SYNCHRONIZED("synchronized methods", false, SharedCounter.Synchronized::new),
        REENTRANT_LOCK("ReentrantLock", false, SharedCounter.Locked::new),
        ATOMIC_LONG("AtomicLong", false, SharedCounter.Atomic::new),
        LONG_ADDER("LongAdder", false, SharedCounter.Adder::new);

        final String label;
        final boolean racy;
        final Supplier<SharedCounter> create;

        CounterVariant(String label, boolean racy, Supplier<SharedCounter> create) {
            this.label = label;
            this.racy = racy;
            this.create = create;
        }
    }

    /**
     * A variant's trials.
     *
     * @param race {@code lists} or {@code counter}
     * @param variant the variant's label
     * @param racy whether the variant has no coordination (expected to go wrong, sometimes)
     * @param trials how many trials ran
     * @param correct trials whose result was right
     * @param outcomes each kind of wrong outcome and the number of trials that had it (a trial can have several)
     * @param detail a note on the wrong results ("final counts from -3,021 to 12,400"), or empty
     * @param nanosPerOperation median over the trials in which neither thread threw: time per element moved or
     *     per counter update, both threads together (NaN when every trial threw)
     */
    record Summary(String race, String variant, boolean racy, int trials, int correct, Map<String, Integer> outcomes,
            String detail, double nanosPerOperation) {
        Summary {
            outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        }

        /** {@code "lost elements in 37, ConcurrentModificationException in 80"}, or {@code "none wrong"}. */
        String describeOutcomes() {
            if (outcomes.isEmpty()) {
                return "none wrong";
            }
            List<String> parts = new ArrayList<>();
            outcomes.forEach((what, count) -> parts.add(what + " in " + count));
            return String.join(", ", parts) + (detail.isEmpty() ? "" : "; " + detail);
        }
    }

    /** {@code trials} trials of two threads each making {@code moves} element moves, in opposite directions. */
    static Summary listTrials(ListVariant variant, int trials, int moves) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<Double> nanosPerMove = new ArrayList<>();
        int correct = 0;
        for (int t = 0; t < trials; t++) {
            SharedLists lists = variant.create.apply(PER_LIST);
            int calls = Math.max(1, moves / lists.elementsPerMove());
            TwoThreads.Run run = TwoThreads.run(() -> moveRepeatedly(lists, 0, calls),
                    () -> moveRepeatedly(lists, 1, calls));
            SharedLists.Damage damage = lists.damage();
            countFailures(outcomes, run);
            if (damage.lost() > 0) {
                count(outcomes, "lost elements");
            }
            if (damage.duplicated() > 0) {
                count(outcomes, "duplicated elements");
            }
            if (damage.nulls() > 0) {
                count(outcomes, "null slots");
            }
            if (damage.unreadable() != null) {
                count(outcomes, "list unreadable afterwards (" + damage.unreadable() + ")");
            }
            if (run.failures().isEmpty()) {
                nanosPerMove.add((double) run.nanos() / (2.0 * calls * lists.elementsPerMove()));
                if (damage.none()) {
                    correct++;
                }
            }
        }
        return new Summary("lists", variant.label, variant.racy, trials, correct, outcomes, "", median(nanosPerMove));
    }

    private static void moveRepeatedly(SharedLists lists, int from, int calls) {
        for (int i = 0; i < calls; i++) {
            lists.move(from);
        }
    }

    /** {@code trials} trials of one thread incrementing {@code operations} times and one decrementing as often. */
    static Summary counterTrials(CounterVariant variant, int trials, int operations) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<Double> nanosPerUpdate = new ArrayList<>();
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        int correct = 0;
        for (int t = 0; t < trials; t++) {
            SharedCounter counter = variant.create.get();
            TwoThreads.Run run = TwoThreads.run(() -> {
                for (int i = 0; i < operations; i++) {
                    counter.increment();
                }
            }, () -> {
                for (int i = 0; i < operations; i++) {
                    counter.decrement();
                }
            });
            countFailures(outcomes, run);
            long value = counter.value();
            if (run.failures().isEmpty()) {
                nanosPerUpdate.add((double) run.nanos() / (2.0 * operations));
            }
            if (value != 0) {
                count(outcomes, "wrong final count");
                lowest = Math.min(lowest, value);
                highest = Math.max(highest, value);
            } else if (run.failures().isEmpty()) {
                correct++;
            }
        }
        String detail = lowest > highest ? ""
                : lowest == highest ? String.format(Locale.ROOT, "final count %,d (expected 0)", lowest)
                : String.format(Locale.ROOT, "final counts from %,d to %,d (expected 0)", lowest, highest);
        return new Summary("counter", variant.label, variant.racy, trials, correct, outcomes, detail,
                median(nanosPerUpdate));
    }

    /** Each kind of exception once per trial, even when both threads threw it. */
    private static void countFailures(Map<String, Integer> outcomes, TwoThreads.Run run) {
        run.failures().stream().map(e -> e.getClass().getSimpleName() + " in a thread").distinct()
                .forEach(what -> count(outcomes, what));
    }

    private static void count(Map<String, Integer> outcomes, String what) {
        outcomes.merge(what, 1, Integer::sum);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
