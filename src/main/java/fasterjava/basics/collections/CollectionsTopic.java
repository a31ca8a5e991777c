package fasterjava.basics.collections;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.basics.growth.GrowthBudget;
import fasterjava.basics.growth.GrowthCharts;
import fasterjava.basics.growth.GrowthCurves;
import fasterjava.basics.growth.GrowthTable;
import fasterjava.ladder.VerificationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Data structures: what one operation costs as the collection grows, for the choices the text compares.
 *
 * <p>The claims, from each class's documentation: {@code ArrayList.add} at the end is O(1) (amortized), but
 * {@code add(0, x)} shifts every element, O(n), while {@code ArrayDeque.addFirst} is O(1) — the text's list vs deque.
 * {@code contains} scans a list, O(n), but hashes into a {@code HashSet}, O(1) — the text's list vs set.
 * {@code HashMap.containsKey} hashes, O(1); {@code containsValue} scans every entry, O(n) — the text's dict.
 * {@code ArrayList.get(i)} reads an array slot, O(1); {@code LinkedList.get(i)} follows i links, O(n).
 *
 * <p>Each operation is timed on a collection of the integers 0..n−1 for growing n. Membership tests look for a
 * value that is absent, so a list must check every element; an insertion is undone by a removal in the same call, so
 * the collection stays at n and both halves are counted. Before timing, the paired operations are checked to give
 * the same answers, and every timed call to leave its collection as it found it.
 *
 * <p>What this means: an O(1) operation draws a flat curve (fitted exponent near 0) and an O(n) one a slope near 1,
 * and on a log-log chart the distance between them grows by a factor of ten for every tenfold n. The flat curves are
 * not perfectly flat — a larger table misses the caches more often — and for a handful of elements scanning a short
 * list costs about as much as hashing: the choice matters once collections grow.
 */
public final class CollectionsTopic implements Topic {
    private static final int VERIFY_SIZE = 1_000;

    @Override
    public String number() {
        return "02";
    }

    @Override
    public String slug() {
        return "collections";
    }

    @Override
    public String title() {
        return "Data structures: list vs deque vs set vs map, one operation as n grows";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        verify(log);
        long largest = switch (size) {
            case TINY -> 1L << 14;
            case SMALL -> 1L << 20;
            case FULL -> 1L << 22;
        };
        long[] sizes = GrowthCurves.doubling(16, largest);
        GrowthBudget budget = GrowthBudget.of(size);
        Map<String, List<TopicReport.Curve>> byComparison = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        List<TopicReport.Curve> curves = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (Operation<?> operation : Operation.all()) {
            TopicReport.Curve curve = measure(operation, sizes, budget, log);
            curves.add(curve);
            byComparison.computeIfAbsent(operation.comparison(), c -> new ArrayList<>()).add(curve);
            expected.put(operation.name(), operation.expected());
            findings.add(GrowthTable.finding(curve) + " (expected " + operation.expected() + ")");
        }
        List<Chart<?, ?>> charts = new ArrayList<>();
        byComparison.forEach((comparison, group) -> charts.add(GrowthCharts.chart(comparison, group)));
        return new TopicReport(slug(), title(), TopicReport.contextLine(size, "collections of the Integers 0..n-1"),
                findings, GrowthTable.of(curves, expected), curves, charts);
    }

    private static <C> TopicReport.Curve measure(Operation<C> operation, long[] sizes, GrowthBudget budget,
            Consumer<String> log) {
        log.accept("measuring " + operation.name());
        TopicReport.Curve curve = GrowthCurves.measure(operation.name(), sizes, operation.setup(), operation.timed(),
                budget, log);
        log.accept(GrowthTable.finding(curve));
        return curve;
    }

    /**
     * The paired operations agree with each other and with what 0..n−1 holds; every timed operation leaves its
     * collection unchanged.
     */
    static void verify(Consumer<String> log) {
        int n = VERIFY_SIZE;
        var list = Operation.arrayList(n);
        var set = Operation.hashSet(n);
        var map = Operation.hashMap(n);
        var linked = Operation.linkedList(n);
        for (int probe : new int[] {Operation.ABSENT, 0, 1, n / 2, n - 1, n, Integer.MAX_VALUE}) {
            boolean holds = probe >= 0 && probe < n;
            check(list.contains(probe) == holds && set.contains(probe) == holds, "list/set contains " + probe);
            check(map.containsKey(probe) == holds && map.containsValue(probe) == holds, "map contains " + probe);
        }
        for (int i = 0; i < n; i++) {
            check(list.get(i) == i && linked.get(i) == i, "get(" + i + ")");
        }
        var front = new ArrayList<Integer>();
        var deque = new ArrayDeque<Integer>();
        for (int i = 0; i < n; i++) {
            front.add(0, i);
            deque.addFirst(i);
        }
        check(front.equals(new ArrayList<>(deque)), "add(0, x) and addFirst(x) orders");
        Set<String> unchanged = new LinkedHashSet<>();
        for (Operation<?> operation : Operation.all()) {
            check(leavesUnchanged(operation, n), operation.name() + " changed its collection");
            unchanged.add(operation.name());
        }
        log.accept(String.format(Locale.ROOT, "verified: on 0..%d, list and set contains, containsKey and "
                + "containsValue agree with each other and with the range for %d probes; ArrayList and LinkedList "
                + "get(i) agree for every i; add(0, x) and addFirst(x) build the same order; each of the %d timed "
                + "operations leaves its collection unchanged", n - 1, 7, unchanged.size()));
    }

    private static <C> boolean leavesUnchanged(Operation<C> operation, int n) {
        C collection = operation.setup().apply(n);
        Object before = snapshot(collection);
        operation.timed().apply(collection);
        operation.timed().apply(collection);
        return Objects.equals(before, snapshot(collection));
    }

    private static Object snapshot(Object collection) {
        if (collection instanceof Map<?, ?> map) {
            return new HashMap<>(map);
        }
        return new ArrayList<>((Collection<?>) collection);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new VerificationException("verification failed: " + what);
        }
    }
}
