package fasterjava.basics.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IoJobTest {
    private static final int TASKS = 2_000;

    @ParameterizedTest
    @EnumSource(IoJob.Style.class)
    void everyStyleGivesTheAnswersComputedWithoutWaiting(IoJob.Style style) throws Exception {
        try (SimulatedService service = new SimulatedService(2)) {
            assertEquals(IoJob.expected(TASKS), IoJob.run(style, service, TASKS), style.label);
        }
    }

    @Test
    void theExpectedSumIsTheSecondLookupsAnswers() {
        long sum = 0;
        for (int key = 0; key < 5; key++) {
            int first = SimulatedService.answer(key);
            sum += SimulatedService.answer(first);
        }
        assertEquals(sum, IoJob.expected(5));
        // The scramble spreads keys out, so a lookup of the wrong key changes the sum.
        assertNotEquals(SimulatedService.answer(1), SimulatedService.answer(2));
    }
}
