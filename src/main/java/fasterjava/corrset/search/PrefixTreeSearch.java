package fasterjava.corrset.search;

import fasterjava.corrset.Combinations;
import fasterjava.util.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fast engine: a prefix tree over the questions whose last levels are not walked one set at a time.
 *
 * <p><b>Prefix tree.</b> Sets are walked in lexicographic order as a tree: the users who answered the first
 * questions are found once and shared by every extension. Going one level down is a bucketing pass: each user
 * still in the node walks their own answers after the node's last question and drops themselves into the bucket of
 * each of those questions, so the cost is the answers that exist (about 20% of the cells on the article's data),
 * not a scan of every user per child. A work unit's users come from the same bucketing, done once per first
 * question for the run of units that share it; each unit then copies its users' answer lists side by side, so the
 * thousands of nodes under it read them from cache.
 *
 * <p><b>Last levels.</b> For 0/1 scores (the articles' data) on machines with 256-bit vectors or wider, in
 * searches big enough to pay for compiling vector code ({@link #DENSE_MIN_SETS}), {@link DenseLastLevel}: at K−1
 * questions (about 96 users for K = 5) the last question is swept a vector of questions at a time (16 with AVX-512,
 * 8 with AVX2) with masked adds, so the work is per (user, chunk) with no data-dependent addresses. Other data,
 * narrower machines and smaller searches use {@link PairTable}: at K−2 questions each user adds their contribution
 * to every pair of their remaining answers in one table per node, two plain 64-bit adds per (set, user). Both
 * finish with exact integer sums; only sets whose r can enter the top list are built and ranked by the exact rule.
 *
 * <p><b>Units and threads.</b> The search is cut into work units, the prefixes of the first two questions (fewer
 * for small K), handed out in lexicographic order by a {@link Ledger}; early prefixes hold far more sets, so
 * handing out in order keeps both threads busy until the small units at the end. Each worker keeps its own top
 * list for pruning and reports each finished unit's admitted sets to the ledger, which merges them
 * order-independently: the same answer for any thread count.
 *
 * <p><b>Early stop.</b> r never exceeds 1 and ties go to the smaller index tuple, so once the top list is full of
 * sets with r = 1 exactly, every lexicographically later set is out of the race; the search stops there and reports
 * the sets actually examined. {@link #exhaustive()} turns this off (to time or count the whole search).
 *
 * <p><b>Ranges.</b> {@link #units(SearchRequest)} exposes the same units to a distributed search: any contiguous
 * range of them runs on its own (see {@link UnitSearch}), and the merged results of disjoint ranges give this
 * engine's best list.
 *
 * <p><b>Checkpoint.</b> With {@link #withCheckpoint(Path)} the ledger saves finished units to a file every
 * {@link #DEFAULT_CHECKPOINT_EVERY} and at the end; a run started with the same file resumes from it.
 */
public final class PrefixTreeSearch implements Search {
    /** How often a checkpoint is written by default: often enough to lose little, rarely enough to cost nothing. */
    public static final Duration DEFAULT_CHECKPOINT_EVERY = Duration.ofSeconds(30);
    /** Deepest prefix used as a work unit; two question prefixes already give ~20,000 units for Q = 200. */
    private static final int MAX_UNIT_DEPTH = 2;

    private final Path checkpointFile;
    private final Duration checkpointEvery;
    private final boolean stopAtPerfect;
    private final LastLevel lastLevel;
    private final long pairEntries;
    /** Whether the dense kernel may gather a leaf's users with vector compress (where that is native). */
    private final boolean compressGather;

    /**
     * Fewest sets for which {@link LastLevel#AUTO} takes the vector kernel. Vector API code runs as slow Java until
     * C2 has compiled it (seconds on 2 cores), while the pair table's plain code is fast within milliseconds. First
     * searches in fresh JVMs on 60,000 users (a 2-core AMD EPYC with AVX-512, {@code corrset bench-search}): the pair
     * table won at 24 million sets (80 questions, K = 5: 1.7 s against 3.1–4.3 s); at 300 million (80, K = 6) the two
     * were even (4.5 s and 4.7 s); the vector kernel won at 65 million (200, K = 4: 6.5–9.4 s against 10.8–13.4 s)
     * and 2.5 billion (200, K = 5: 32.9 s against 80.0 s).
     */
    static final long DENSE_MIN_SETS = 32_000_000;
    /**
     * Most entries (16 bytes each: 64 MiB) a worker holds for the users of a unit's first question bucketed by its
     * second: on the article's data one question's buckets hold ~240,000; very dense data cover fewer units per
     * bucketing pass.
     */
    private static final long PAIR_ENTRIES = 1 << 22;

    /**
     * Which kernel runs the last levels. {@link #AUTO} takes {@link DenseLastLevel} when the data are 0/1, the
     * machine runs its vectors natively (256 bits or wider; with narrower hardware the Vector API would fall back
     * to Java code, tens of times slower) and the search has at least {@link #DENSE_MIN_SETS} sets to pay for the
     * vector code's warm-up; else {@link PairTable}.
     */
    public enum LastLevel {
        AUTO, PAIR_TABLE, DENSE
    }

    public PrefixTreeSearch() {
        this(null, DEFAULT_CHECKPOINT_EVERY, true, LastLevel.AUTO, PAIR_ENTRIES, true);
    }

    private PrefixTreeSearch(Path checkpointFile, Duration checkpointEvery, boolean stopAtPerfect,
            LastLevel lastLevel, long pairEntries, boolean compressGather) {
        this.checkpointFile = checkpointFile;
        this.checkpointEvery = Objects.requireNonNull(checkpointEvery);
        this.stopAtPerfect = stopAtPerfect;
        this.lastLevel = Objects.requireNonNull(lastLevel);
        this.pairEntries = pairEntries;
        this.compressGather = compressGather;
    }

    /** The same engine, saving its progress to {@code file} and resuming from it if it exists. */
    public PrefixTreeSearch withCheckpoint(Path file) {
        return withCheckpoint(file, DEFAULT_CHECKPOINT_EVERY);
    }

    /** As {@link #withCheckpoint(Path)}, saving at most every {@code every} (zero: after every unit). */
    public PrefixTreeSearch withCheckpoint(Path file, Duration every) {
        return new PrefixTreeSearch(Objects.requireNonNull(file), every, stopAtPerfect, lastLevel, pairEntries,
                compressGather);
    }

    /** The same engine without the r = 1 early stop: every set is examined. */
    public PrefixTreeSearch exhaustive() {
        return new PrefixTreeSearch(checkpointFile, checkpointEvery, false, lastLevel, pairEntries, compressGather);
    }

    /**
     * The same engine with its last levels run by {@code kernel} whatever the hardware (tests cover both kernels on
     * any machine); {@link LastLevel#DENSE} still needs 0/1 data and falls back to the pair table otherwise.
     */
    public PrefixTreeSearch withLastLevel(LastLevel kernel) {
        return new PrefixTreeSearch(checkpointFile, checkpointEvery, stopAtPerfect, kernel, pairEntries,
                compressGather);
    }

    /** The same engine holding at most {@code entries} bucketed users per worker (tests: the rebucketing path). */
    PrefixTreeSearch withPairEntries(long entries) {
        return new PrefixTreeSearch(checkpointFile, checkpointEvery, stopAtPerfect, lastLevel, entries,
                compressGather);
    }

    /**
     * The same engine gathering the dense kernel's leaf users one set bit at a time, as machines without AVX-512 do
     * (tests: that path on any machine).
     */
    PrefixTreeSearch withScalarGather() {
        return new PrefixTreeSearch(checkpointFile, checkpointEvery, stopAtPerfect, lastLevel, pairEntries, false);
    }

    long pairEntries() {
        return pairEntries;
    }

    boolean compressGather() {
        return compressGather;
    }

    @Override
    public String name() {
        return "prefix-tree";
    }

    @Override
    public SearchResult run(SearchRequest request, Progress progress) {
        UnitSearch search = units(request);
        return search.search(0, search.unitCount(), checkpointFile, checkpointEvery, progress);
    }

    /**
     * This engine's search of {@code request}, cut into its work units and ready to run any range of them: the
     * data are turned around once and shared by every range run, from any number of threads.
     */
    public UnitSearch units(SearchRequest request) {
        return new UnitSearch(this, request, layout(request.scores().questionCount(), request.k()));
    }

    /**
     * The number of K-sets under each work unit of a search of {@code k} out of {@code questions}, in unit order:
     * the layout depends on nothing else, so a scheduler can plan ranges before any data is at hand.
     */
    public static long[] unitSizes(int questions, int k) {
        return layout(questions, k).sizes().clone();
    }

    private static Units layout(int questions, int k) {
        // K = 1 has no pairs: each question is its own unit. K = 2 is one unit, the pair table over all questions.
        return Units.of(questions, k, k == 1 ? 1 : Math.min(MAX_UNIT_DEPTH, k - 2));
    }

    boolean stopAtPerfect() {
        return stopAtPerfect;
    }

    /** True if this search of {@code request} runs its last levels with {@link DenseLastLevel} (if the data suit). */
    boolean dense(SearchRequest request) {
        return switch (lastLevel) {
            case AUTO -> DenseLastLevel.fastHere() && Combinations.count(request.scores().questionCount(),
                    request.k()).compareTo(java.math.BigInteger.valueOf(DENSE_MIN_SETS)) >= 0;
            case DENSE -> true;
            case PAIR_TABLE -> false;
        };
    }

    static void work(PrefixWalker walker, Units units, Ledger ledger, Progress progress) {
        try {
            for (int unit = ledger.claim(); unit >= 0; unit = ledger.claim()) {
                PrefixWalker.Outcome outcome = walker.walkUnit(units.prefix(unit));
                if (outcome.stoppedEarly()) {
                    ledger.stopBefore(unit + 1);
                }
                if (outcome.examinedNothing()) {
                    // Not even started: the unit stays open, and a resumed run re-decides it the same way.
                    ledger.stopBefore(unit);
                    continue;
                }
                ledger.complete(unit, outcome.admitted(), outcome.combinations(), outcome.undefined());
                progress.advance(units.sizes()[unit]);
            }
        } catch (RuntimeException | Error e) {
            ledger.abort();
            throw e;
        }
    }

    /**
     * The work units: every prefix of the first {@code depth} questions that still has room for K questions, in
     * lexicographic order, with the number of K-sets under each.
     */
    record Units(int[][] prefixes, long[] sizes) {
        static Units of(int questions, int k, int depth) {
            List<int[]> prefixes = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            int[] prefix = Combinations.first(depth);
            if (depth <= questions) {
                do {
                    int last = depth == 0 ? -1 : prefix[depth - 1];
                    long size = Combinations.countExact(questions - 1 - last, k - depth);
                    if (size > 0) {
                        prefixes.add(prefix.clone());
                        sizes.add(size);
                    }
                } while (Combinations.next(prefix, questions));
            }
            return new Units(prefixes.toArray(int[][]::new), sizes.stream().mapToLong(Long::longValue).toArray());
        }

        int[] prefix(int unit) {
            return prefixes[unit];
        }
    }
}
