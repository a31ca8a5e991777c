package fasterjava.basics.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timed operations answer what the collections hold and leave them as they were. */
class OperationTest {

    @Test
    void pairedOperationsAgreeAndCollectionsStayUnchanged() {
        List<String> log = new ArrayList<>();
        CollectionsTopic.verify(log::add);
        assertEquals(1, log.size());
        assertTrue(log.get(0).startsWith("verified: "), log.get(0));
    }

    @Test
    void membershipOperationsLookForAnAbsentValue() {
        for (Operation<?> operation : Operation.all()) {
            if (operation.name().contains("contains")) {
                assertEquals(Boolean.FALSE, apply(operation, 100), operation.name());
            }
        }
    }

    @Test
    void getReadsTheMiddleElementAndInsertsReturnWhatTheyInserted() {
        for (Operation<?> operation : Operation.all()) {
            Object result = apply(operation, 100);
            if (operation.name().endsWith("-get")) {
                assertEquals(50, result, operation.name());
            } else if (operation.name().contains("add")) {
                assertEquals(Operation.ABSENT, result, operation.name());
            }
        }
    }

    @Test
    void everyComparisonHasAConstantAndALinearCurve() {
        var byComparison = new java.util.LinkedHashMap<String, List<String>>();
        Operation.all().forEach(o -> byComparison.computeIfAbsent(o.comparison(), c -> new ArrayList<>())
                .add(o.expected()));
        assertEquals(4, byComparison.size());
        byComparison.forEach((comparison, expected) -> assertTrue(expected.contains("1") && expected.contains("n"),
                comparison + ": " + expected));
    }

    private static <C> Object apply(Operation<C> operation, int n) {
        return operation.timed().apply(operation.setup().apply(n));
    }
}
