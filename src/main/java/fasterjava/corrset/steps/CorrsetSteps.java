package fasterjava.corrset.steps;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.ladder.Rung;
import java.util.List;

/** The k-corrset ladder's steps, in order. Every {@code StepNN*} class in this package must be listed here. */
public final class CorrsetSteps {
    private static final List<Rung<CorrsetInput, CorrsetResult>> ALL = List.of(
            new Rung<>("01", "tablesaw-baseline", "Tablesaw DataFrame baseline", Step01TablesawBaseline::new));

    private CorrsetSteps() {
    }

    public static List<Rung<CorrsetInput, CorrsetResult>> all() {
        return ALL;
    }
}
