package fasterjava.corrset.search;

import fasterjava.util.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One request's {@link PrefixTreeSearch}, cut into the engine's work units (question prefixes in lexicographic
 * order) and ready to search any contiguous range of them: the building block of a distributed search, where each
 * task runs its own range and the driver merges the results with {@link SearchResult#merge}.
 *
 * <p><b>What a range answers.</b> Its best list is exactly the top sets among the range's own sets, so the merged
 * lists of disjoint ranges that cover every unit are the whole search's list, however the units were split. Its
 * counters are the sets it examined. With early stop on, a range stops on its own proof (its top list is full of
 * sets with r = 1 exactly, and every later set in the range comes after them), so the summed counters of an
 * early-stopped search depend on the split; with {@link PrefixTreeSearch#exhaustive()} they add up to the whole
 * search's counters.
 *
 * <p><b>Sharing.</b> The data are turned around per user once, here; after that the object is read-only, so ranges
 * may run from many threads at once, each with {@link SearchRequest#threads()} workers of its own. Ranges are never
 * checkpointed (a distributed scheduler re-runs a lost range instead).
 */
public final class UnitSearch {
    private final PrefixTreeSearch engine;
    private final SearchRequest request;
    private final PrefixTreeSearch.Units units;
    private final UserAnswers answers;

    UnitSearch(PrefixTreeSearch engine, SearchRequest request, PrefixTreeSearch.Units units) {
        this.engine = engine;
        this.request = request;
        this.units = units;
        this.answers = UserAnswers.of(request.scores());
    }

    public SearchRequest request() {
        return request;
    }

    /** How many work units the search has; ranges are {@code from..to-1} within {@code 0..unitCount()}. */
    public int unitCount() {
        return units.sizes().length;
    }

    /** The number of K-sets under units {@code fromUnit..toUnit-1}. */
    public long sets(int fromUnit, int toUnit) {
        checkRange(fromUnit, toUnit);
        long sets = 0;
        for (int unit = fromUnit; unit < toUnit; unit++) {
            sets += units.sizes()[unit];
        }
        return sets;
    }

    /** Searches units {@code fromUnit..toUnit-1} (an empty range gives an empty result). */
    public SearchResult run(int fromUnit, int toUnit, Progress progress) {
        return search(fromUnit, toUnit, null, PrefixTreeSearch.DEFAULT_CHECKPOINT_EVERY, progress);
    }

    /** {@link #run}, saving to {@code checkpoint} when it is not null (whole searches only: it records every unit). */
    SearchResult search(int fromUnit, int toUnit, Path checkpoint, Duration checkpointEvery, Progress progress) {
        checkRange(fromUnit, toUnit);
        if (checkpoint != null && (fromUnit != 0 || toUnit != unitCount())) {
            throw new IllegalArgumentException("a checkpoint records the whole search, not units " + fromUnit + ".."
                    + (toUnit - 1));
        }
        long began = System.nanoTime();
        String fingerprint = checkpoint == null ? "" : Checkpoint.fingerprint(request.scores());
        Ledger ledger = new Ledger(engine.name(), fingerprint, request, units.sizes(), fromUnit, toUnit, checkpoint,
                checkpointEvery, !engine.stopAtPerfect(), progress);
        progress.start("search " + engine.name(), sets(fromUnit, toUnit));
        progress.advance(ledger.resumedSets());
        List<Runnable> workers = new ArrayList<>();
        for (int t = 0; t < request.threads(); t++) {
            PrefixWalker walker = new PrefixWalker(request, answers, ledger.keptSoFar(), engine);
            workers.add(() -> PrefixTreeSearch.work(walker, units, ledger, progress));
        }
        Parallel.runAll(workers);
        ledger.save();
        progress.finish();
        return new SearchResult(ledger.kept().best(), ledger.combinations(), ledger.undefined(),
                (System.nanoTime() - began) / 1e9, engine.name());
    }

    private void checkRange(int fromUnit, int toUnit) {
        if (fromUnit < 0 || toUnit < fromUnit || toUnit > unitCount()) {
            throw new IndexOutOfBoundsException("unit range " + fromUnit + ".." + toUnit + " is not within 0.."
                    + unitCount());
        }
    }
}
