package fasterjava.corrset.journey;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.corrset.SpecCheckFigures;
import fasterjava.corrset.data.Scores;
import fasterjava.ladder.Budget;
import fasterjava.ladder.Journey;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The k-corrset journey: its ladder, the standard data sets per {@link CorrsetScale}, and the set size K
 * ({@value #DEFAULT_K} unless a command says otherwise).
 */
public final class CorrsetJourney implements Journey<CorrsetInput, CorrsetResult> {
    /** The articles' set size, the spec's K. */
    public static final int DEFAULT_K = SpecCheckFigures.K;

    private final int k;

    public CorrsetJourney() {
        this(DEFAULT_K);
    }

    public CorrsetJourney(int k) {
        this.k = k;
    }

    public int k() {
        return k;
    }

    @Override
    public CorrsetLadder ladder() {
        return Corrset.ladder();
    }

    @Override
    public String spec() {
        return k == DEFAULT_K ? ladder().name() : ladder().name() + ":k=" + k;
    }

    @Override
    public CorrsetInput open(String size, Consumer<String> log) {
        return new CorrsetInput(Corrset.load(CorrsetScale.parse(size), log), k);
    }

    @Override
    public CorrsetInput load(Path file, Consumer<String> log) {
        return new CorrsetInput(Corrset.load(file, log), k);
    }

    /** The input for scores already loaded. */
    public CorrsetInput input(Scores scores) {
        return new CorrsetInput(scores, k);
    }

    @Override
    public Budget budget(String size) {
        return CorrsetScale.parse(size).budget();
    }

    @Override
    public String describe(CorrsetInput data) {
        return Corrset.describe(data.scores(), data.k());
    }

    @Override
    public String stepPackage() {
        return "fasterjava.corrset.steps";
    }
}
