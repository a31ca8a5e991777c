package fasterjava.corrset.journey;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.steps.CorrsetSteps;
import fasterjava.ladder.Ladder;
import fasterjava.ladder.Published;
import fasterjava.ladder.Rung;
import java.util.List;
import java.util.Optional;

/** The k-corrset ladder: steps from {@link CorrsetSteps}, checked by {@link CorrsetResult#firstMismatch}. */
public final class CorrsetLadder implements Ladder<CorrsetInput, CorrsetResult> {
    @Override
    public String name() {
        return "corrset";
    }

    @Override
    public String unit() {
        return "combination";
    }

    @Override
    public List<Rung<CorrsetInput, CorrsetResult>> rungs() {
        return CorrsetSteps.all();
    }

    @Override
    public int availableItems(CorrsetInput input) {
        return input.combinationLimit();
    }

    @Override
    public Optional<String> mismatch(CorrsetResult reference, CorrsetResult candidate, int items) {
        return candidate.firstMismatch(reference, items);
    }

    @Override
    public int size(CorrsetResult result) {
        return result.size();
    }

    @Override
    public List<Published> published(String stepId) {
        return PublishedFigures.forStep(stepId);
    }
}
