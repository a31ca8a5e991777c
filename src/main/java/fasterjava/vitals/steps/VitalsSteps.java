package fasterjava.vitals.steps;

import fasterjava.ladder.Rung;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import java.util.List;

/** The vitals ladder's steps, in order. Every {@code StepNN*} class in this package must be listed here. */
public final class VitalsSteps {
    private static final List<Rung<VitalsTable, VitalsFeatures>> ALL = List.of(
            new Rung<>("01", "naive-loop", "Tablesaw: filter the whole table per patient, then loop",
                    Step01NaiveLoop::new));

    private VitalsSteps() {
    }

    public static List<Rung<VitalsTable, VitalsFeatures>> all() {
        return ALL;
    }
}
