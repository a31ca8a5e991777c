package fasterjava.basics.collections;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * One operation on a collection of n integers, timed per call: how its cost grows with n is the claim.
 * Each call leaves the collection as it found it (an insert is undone by a remove), so one collection serves
 * every call at a size.
 *
 * @param name the curve's name
 * @param comparison which chart the curve belongs to
 * @param expected the growth of one call, as the documentation states it
 * @param setup builds the collection holding 0..n−1
 * @param timed one call
 * @param <C> the collection
 */
public record Operation<C>(String name, String comparison, String expected, LongFunction<C> setup,
        Function<C, ?> timed) {
    static final String INSERT = "Insert at the end vs at the front";
    static final String MEMBERSHIP = "Membership: contains in a list vs a set";
    static final String MAP = "HashMap: containsKey vs containsValue";
    static final String INDEX = "Index access: ArrayList.get vs LinkedList.get";
    /** A key no collection here holds: a membership test must look everywhere a list could hold it. */
    static final Integer ABSENT = -1;

    /** Every operation, grouped by comparison in reading order. */
    static List<Operation<?>> all() {
        return List.of(
                new Operation<>("list-contains", MEMBERSHIP, "n", Operation::arrayList, list -> list.contains(ABSENT)),
                new Operation<>("set-contains", MEMBERSHIP, "1", Operation::hashSet, set -> set.contains(ABSENT)),
                new Operation<>("arraylist-add-end", INSERT, "1", Operation::arrayList, Operation::addAtEnd),
                new Operation<>("arraylist-add-front", INSERT, "n", Operation::arrayList, Operation::addAtFront),
                new Operation<>("arraydeque-add-first", INSERT, "1", Operation::arrayDeque, Operation::addFirst),
                new Operation<>("map-contains-key", MAP, "1", Operation::hashMap, map -> map.containsKey(ABSENT)),
                new Operation<>("map-contains-value", MAP, "n", Operation::hashMap,
                        map -> map.containsValue(ABSENT)),
                new Operation<>("arraylist-get", INDEX, "1", Operation::arrayList, list -> list.get(list.size() / 2)),
                new Operation<>("linkedlist-get", INDEX, "n", Operation::linkedList,
                        list -> list.get(list.size() / 2)));
    }

    static ArrayList<Integer> arrayList(long n) {
        ArrayList<Integer> list = new ArrayList<>(Math.toIntExact(n));
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    static LinkedList<Integer> linkedList(long n) {
        return new LinkedList<>(arrayList(n));
    }

    static ArrayDeque<Integer> arrayDeque(long n) {
        return new ArrayDeque<>(arrayList(n));
    }

    static HashSet<Integer> hashSet(long n) {
        return new HashSet<>(arrayList(n));
    }

    /** Each key maps to itself, so containsKey(k) and containsValue(k) must agree. */
    static HashMap<Integer, Integer> hashMap(long n) {
        HashMap<Integer, Integer> map = HashMap.newHashMap(Math.toIntExact(n));
        for (int i = 0; i < n; i++) {
            map.put(i, i);
        }
        return map;
    }

    private static Integer addAtEnd(ArrayList<Integer> list) {
        list.add(ABSENT);
        return list.remove(list.size() - 1);
    }

    /** Shifts all n elements up one place, then back. */
    private static Integer addAtFront(ArrayList<Integer> list) {
        list.add(0, ABSENT);
        return list.remove(0);
    }

    private static Integer addFirst(ArrayDeque<Integer> deque) {
        deque.addFirst(ABSENT);
        return deque.pollFirst();
    }
}
