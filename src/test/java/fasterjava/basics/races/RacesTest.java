package fasterjava.basics.races;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fix is right in 100 trials of two threads racing; the racy variants only have to run and be reported
 * (on a two-core machine they may go right every time).
 */
class RacesTest {
    private static final int TRIALS = 100;
    private static final int MOVES = 10_000;
    private static final int UPDATES = 20_000;

    @ParameterizedTest
    @EnumSource(value = Races.ListVariant.class, names = "RACY_.*", mode = EnumSource.Mode.MATCH_NONE)
    void everyListFixIsRightInEveryTrial(Races.ListVariant variant) {
        Races.Summary summary = Races.listTrials(variant, TRIALS, MOVES);
        assertEquals(TRIALS, summary.correct(), summary.describeOutcomes());
        assertEquals("none wrong", summary.describeOutcomes());
        assertTrue(summary.nanosPerOperation() > 0);
    }

    @ParameterizedTest
    @EnumSource(value = Races.CounterVariant.class, names = "RACY_.*", mode = EnumSource.Mode.MATCH_NONE)
    void everyCounterFixIsRightInEveryTrial(Races.CounterVariant variant) {
        Races.Summary summary = Races.counterTrials(variant, TRIALS, UPDATES);
        assertEquals(TRIALS, summary.correct(), summary.describeOutcomes());
    }

    @Test
    void racyVariantsRunAndTheirTrialsAreAllAccountedFor() {
        for (Races.ListVariant variant : List.of(Races.ListVariant.RACY_POP_AND_APPEND,
                Races.ListVariant.RACY_MOVE_ALL)) {
            Races.Summary summary = Races.listTrials(variant, 10, MOVES);
            assertTrue(summary.racy());
            assertEquals(10, summary.trials());
            assertTrue(summary.correct() == 10 || !summary.outcomes().isEmpty(),
                    "a wrong trial names what went wrong: " + summary);
        }
        Races.Summary counter = Races.counterTrials(Races.CounterVariant.RACY_VOLATILE, 10, UPDATES);
        assertTrue(counter.correct() == 10 || counter.detail().contains("expected 0"), counter.toString());
    }

    @Test
    void theListCheckFindsLostDuplicatedAndNullElements() {
        SharedLists damaged = new SharedLists(3) {
            @Override
            void move(int from) {
            }

            @Override
            List<Integer> contents() {
                // Of 0..5: 1 and 4 lost, 2 twice, 5 three times, one null slot.
                return Arrays.asList(0, 2, 2, 3, null, 5, 5, 5);
            }
        };
        assertEquals(new SharedLists.Damage(2, 3, 1, null), damaged.damage());
        SharedLists intact = new SharedLists.PopAndAppend(3);
        intact.move(0);
        intact.move(1);
        intact.move(1);
        assertTrue(intact.damage().none(), intact.damage().toString());
    }

    @Test
    void aSingleThreadedCounterComesBackToZero() {
        for (Races.CounterVariant variant : Races.CounterVariant.values()) {
            SharedCounter counter = variant.create.get();
            counter.increment();
            counter.increment();
            counter.decrement();
            assertEquals(1, counter.value(), variant.label);
            counter.decrement();
            assertEquals(0, counter.value(), variant.label);
        }
    }

    @Test
    void bothThreadsFailuresAreReported() {
        TwoThreads.Run run = TwoThreads.run(() -> {
            throw new IllegalStateException("first");
        }, () -> {
        });
        assertEquals(1, run.failures().size());
        assertEquals("first", run.failures().get(0).getMessage());
        assertTrue(run.nanos() > 0);
    }
}
