package fasterjava.vitals.casestudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import fasterjava.vitals.steps.Step07Threads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Amdahl's law as the notebook uses it, and a real measurement's shape (never its speed). */
class ScalingTest {

    @Test
    void amdahlsLawWithAKnownSerialFraction() {
        Scaling.Result result = new Scaling.Result(List.of(new Scaling.Point(1, 1.0, 1.0),
                new Scaling.Point(2, 1 / 1.8, 1.8)), 0.1);
        assertEquals(1 / (0.1 + 0.9 / 32), result.predicted(32), 1e-12);
        assertEquals(1.0, result.predicted(1), 1e-12);
        assertTrue(result.summary().contains("serial fraction of 10.0%"), result.summary());
        assertTrue(result.summary().contains("at most 10x"), result.summary());
    }

    @Test
    void aSlowdownIsNotFittedToTheLaw() {
        Scaling.Result slower = new Scaling.Result(List.of(new Scaling.Point(1, 0.002, 1.0),
                new Scaling.Point(2, 0.004, 0.5)), 1.0);
        assertTrue(slower.summary().contains("slower"), slower.summary());
        assertTrue(slower.summary().contains("does not describe this run"), slower.summary());
    }

    @Test
    void measuringChecksEveryThreadCountAgainstOneAndFitsAFraction() {
        var table = VitalsLoader.table(VitalsGenerator.generate(200, 30, 42));
        Scaling.Result result = Scaling.measure(Step07Threads::new, table, 2, 2);
        assertEquals(List.of(1, 2), result.points().stream().map(Scaling.Point::threads).toList());
        assertEquals(1.0, result.points().get(0).speedup(), 1e-12);
        assertTrue(result.serialFraction() >= 0 && result.serialFraction() <= 1);
        assertEquals(5, Scaling.chart(result).getSeriesMap().size());
    }
}
