package fasterjava.corrset.steps;

import fasterjava.corrset.CorrsetInput;
import fasterjava.corrset.CorrsetResult;
import fasterjava.ladder.Rung;
import java.util.List;

/** The k-corrset ladder's steps, in order. Every {@code StepNN*} class in this package must be listed here. */
public final class CorrsetSteps {
    private static final List<Rung<CorrsetInput, CorrsetResult>> ALL = List.of(
            new Rung<>("01", "tablesaw-baseline", "Tablesaw DataFrame baseline", Step01TablesawBaseline::new),
            new Rung<>("02", "user-sets", "Sets of users, intersected", Step02UserSets::new),
            new Rung<>("03", "score-map", "A (question, user) score map", Step03ScoreMap::new),
            new Rung<>("04", "grand-totals-corrcoef", "Grand-totals map and a library correlation",
                    Step04GrandTotalsCorrcoef::new),
            new Rung<>("05", "int-ids", "Int ids instead of strings", Step05IntIds::new),
            new Rung<>("06", "bool-arrays", "Boolean answered-matrix rows, ANDed", Step06BoolArrays::new),
            new Rung<>("07", "dense-matrix", "A dense score matrix", Step07DenseMatrix::new),
            new Rung<>("08", "custom-corrcoef", "Hand-written correlation from exact sums",
                    Step08CustomCorrcoef::new),
            new Rung<>("09", "bitsets", "Bitsets of users", Step09Bitsets::new),
            new Rung<>("10", "fused-loop", "One fused loop, no intermediate arrays", Step10FusedLoop::new),
            new Rung<>("11", "vector-api", "Vector API: AND and skip eight vectors at a time", Step11VectorApi::new),
            new Rung<>("12", "threads", "All cores: batches on a work-stealing pool", Step12Threads::new),
            new Rung<>("13", "prefix-reuse", "Reuse shared prefixes", Step13PrefixReuse::new),
            new Rung<>("14", "inverted-last-level", "Turn the last level around", Step14InvertedLastLevel::new),
            new Rung<>("15", "pair-table", "One table for every last pair", Step15PairTable::new),
            new Rung<>("16", "dense-last-level", "Sweep the last question a vector at a time",
                    Step16DenseLastLevel::new));

    private CorrsetSteps() {
    }

    public static List<Rung<CorrsetInput, CorrsetResult>> all() {
        return ALL;
    }
}
