package fasterjava.corrset.search;

import fasterjava.util.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;

/**
 * The shared book of a unit-by-unit search: hands out work units in order, collects each finished unit's kept sets
 * and counters, remembers where the search may stop, and saves a {@link Checkpoint} now and then.
 *
 * <p>Only finished units enter the book, never a unit's partial results, so a checkpoint is always the exact state
 * after some set of whole units, and resuming re-runs the unfinished ones from scratch without counting anything
 * twice. The merged top list is order-independent, so the answer does not depend on which thread finished what.
 */
final class Ledger {
    private final String engine;
    private final String fingerprint;
    private final SearchRequest request;
    private final long[] unitSizes;
    private final Path checkpointFile;
    private final long checkpointEveryNanos;
    private final boolean exhaustive;
    private final Progress warnings;
    private final TopSets kept;
    private final BitSet done;
    private long combinations;
    private long undefined;
    private int nextUnit;
    /** Units at or after this index are provably unable to change the answer (see {@link #stopBefore}). */
    private volatile int stopAt;
    private volatile boolean aborted;
    private long lastSaved = System.nanoTime();

    /**
     * A book over units {@code fromUnit..toUnit-1} of the search's {@code unitSizes.length}; {@code exhaustive}
     * says whether the search examines every set (recorded in the checkpoint); checkpoint failures go to
     * {@code warnings}.
     */
    Ledger(String engine, String fingerprint, SearchRequest request, long[] unitSizes, int fromUnit, int toUnit,
            Path checkpointFile, Duration checkpointEvery, boolean exhaustive, Progress warnings) {
        this.engine = engine;
        this.fingerprint = fingerprint;
        this.request = request;
        this.unitSizes = unitSizes;
        this.checkpointFile = checkpointFile;
        this.checkpointEveryNanos = checkpointEvery.toNanos();
        this.exhaustive = exhaustive;
        this.warnings = warnings;
        this.kept = new TopSets(request.top());
        this.done = new BitSet(unitSizes.length);
        this.nextUnit = fromUnit;
        this.stopAt = toUnit;
        if (checkpointFile != null) {
            Checkpoint.read(checkpointFile, new Checkpoint.Expected(engine, fingerprint, request, exhaustive,
                    unitSizes)).ifPresent(this::resume);
        }
    }

    private void resume(Checkpoint saved) {
        done.or(saved.done());
        combinations = saved.combinations();
        undefined = saved.undefined();
        for (ScoredSet set : saved.kept()) {
            kept.offer(set);
        }
    }

    /** Sets in the units finished before this run started (for the progress bar). */
    synchronized long resumedSets() {
        long sets = 0;
        for (int unit = done.nextSetBit(0); unit >= 0; unit = done.nextSetBit(unit + 1)) {
            sets += unitSizes[unit];
        }
        return sets;
    }

    /** A copy of the sets kept so far, to seed a worker's own list (so its pruning starts from them). */
    synchronized TopSets keptSoFar() {
        TopSets copy = new TopSets(request.top());
        copy.addAll(kept);
        return copy;
    }

    /** The next unfinished unit, or -1 when none is left (or the search stopped or failed). */
    synchronized int claim() {
        while (nextUnit < unitSizes.length && done.get(nextUnit)) {
            nextUnit++;
        }
        if (aborted || nextUnit >= stopAt) {
            return -1;
        }
        return nextUnit++;
    }

    /** Records a whole finished unit. */
    synchronized void complete(int unit, List<ScoredSet> admitted, long unitCombinations, long unitUndefined) {
        for (ScoredSet set : admitted) {
            kept.offer(set);
        }
        done.set(unit);
        combinations += unitCombinations;
        undefined += unitUndefined;
        if (checkpointFile != null && System.nanoTime() - lastSaved >= checkpointEveryNanos) {
            save();
        }
    }

    /**
     * Every set in units from {@code unit} on is lexicographically after a kept set of r = 1 exactly, with the top
     * list full of such sets: nothing there can enter (r cannot exceed 1, ties go to the smaller index tuple).
     */
    void stopBefore(int unit) {
        synchronized (this) {
            stopAt = Math.min(stopAt, unit);
        }
    }

    /** Makes every worker stop at its next unit boundary (another worker failed). */
    void abort() {
        aborted = true;
    }

    /** Saves the checkpoint now; a failure is reported to the warnings, not thrown (see the class comment). */
    synchronized void save() {
        if (checkpointFile != null) {
            try {
                new Checkpoint(engine, fingerprint, request.k(), request.minUsers(), request.top(), exhaustive,
                        unitSizes.length, done, combinations, undefined, kept.best()).write(checkpointFile);
            } catch (CheckpointException e) {
                warnings.warn(e.getMessage());
            }
            lastSaved = System.nanoTime();
        }
    }

    synchronized TopSets kept() {
        return kept;
    }

    synchronized long combinations() {
        return combinations;
    }

    synchronized long undefined() {
        return undefined;
    }
}
