package fasterjava.basics.memory;

import fasterjava.basics.Size;
import fasterjava.basics.Topic;
import fasterjava.basics.TopicReport;
import fasterjava.ladder.LadderCharts;
import fasterjava.ladder.Units;
import fasterjava.ladder.VerificationException;
import fasterjava.util.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Orders of magnitude: how long it takes to reach data in a CPU cache, in main memory, in a file and across a network
 * connection, measured on this machine.
 *
 * <p>The claim: where data lives decides how long it takes to get it, and the levels — CPU caches, main memory,
 * storage, network — differ by orders of magnitude, so a program's speed depends first on which level its data comes
 * from. The well-known list "Latency Numbers Every Programmer Should Know" (Jeff Dean's figures, after Peter Norvig's
 * table of timings, in the version widely shared around 2012) puts numbers on the levels; the table sets each
 * measurement beside its counterpart there.
 *
 * <p>Latency: a pointer chase over a working set of growing size. Every element holds the index of the next, in one
 * random cycle through every cache line of the set, so each load waits for the one before and the prefetcher cannot
 * guess ahead; the time per load is the latency of wherever the set fits. The chart marks the cache sizes the system
 * reports, where it reports them (a virtual machine may report its host's). Bandwidth: a large array read in order
 * (the hardware streams it) and in a random order (each read a different cache line, but independent of the others, so
 * the CPU keeps many misses in flight, which a dependent chase cannot).
 *
 * <p>Storage and network: a file written and read back, from the page cache (memory the kernel keeps for files) and
 * cold from the device with direct I/O, which bypasses the page cache for this one file, needs no root rights and
 * leaves other programs' cached files alone; on a virtual machine the device may itself be cached by the host, and
 * where the file system refuses direct I/O the findings say so. Then a TCP round trip of a small message to the
 * project's own echo server on {@code 127.0.0.1}, started and stopped by the topic: the whole TCP/IP stack twice, but
 * no wire.
 *
 * <p>What this means: the staircase is flat while the working set fits a cache level and steps up where it outgrows
 * one; past the last level every dependent load pays main memory's latency. Independent reads hide much of that
 * latency and reads in order hide nearly all of it, which is why arrays scanned in order beat structures linked by
 * pointers. The list's figures come from other hardware and another decade; the ratios between its rows are what
 * carries over, and the measured column shows how they look here.
 */
public final class MemoryTopic implements Topic {
    private static final long KIB = 1024;
    private static final long SEED = 42;
    /** A chase set under this fits any L1 data cache; used when the system reports no sizes. */
    private static final long L1_FALLBACK_SET = 16 * KIB;
    /** A chase set under this fits any L2 cache; used when the system reports no sizes. */
    private static final long L2_FALLBACK_SET = 256 * KIB;
    /** At most this share of the heap goes to one working set (the rest keeps the JVM and the notebook alive). */
    private static final int HEAP_SHARE_DIVISOR = 4;
    private static final int JIT_WARM_UP_CALLS = 20_000;
    /** Whole-array and whole-file reads are long enough that a few runs find an undisturbed one. */
    private static final int BANDWIDTH_RUNS = 3;

    /**
     * How much each measurement does at a size. The chase is timed in many short runs and the fastest kept: on a
     * shared machine a run that another program interrupted (and whose caches it took over) is slower, never
     * faster. Each working set gets at least {@code runs} runs and at least {@code millisPerSet} of them.
     */
    private record Plan(long smallestSet, long largestSet, double growth, int loadsPerRun, int runs,
            int millisPerSet, int arrayMib,
            int fileMib, int randomFileReads, int roundTripWarmUp, int roundTrips, int lockPairs) {
        static Plan of(Size size) {
            return switch (size) {
                case TINY -> new Plan(4 * KIB, 16 * KIB * KIB, 4, 1 << 14, 5, 20, 16, 8, 200, 200, 1_000, 1_000_000);
                case SMALL -> new Plan(4 * KIB, 256 * KIB * KIB, 2, 1 << 16, 15, 200, 128, 128, 2_000, 1_000, 10_000,
                        5_000_000);
                case FULL -> new Plan(4 * KIB, 2048 * KIB * KIB, Math.sqrt(2), 1 << 18, 25, 1000, 1024, 1024, 10_000,
                        5_000, 100_000, 100_000_000);
            };
        }
    }

    /** One point of the staircase: nanoseconds per dependent load over a working set of {@code bytes}. */
    record ChasePoint(long bytes, double nanosPerLoad) {
    }

    @Override
    public String number() {
        return "06";
    }

    @Override
    public String slug() {
        return "memory";
    }

    @Override
    public String title() {
        return "Orders of magnitude: caches, RAM, files, network";
    }

    @Override
    public TopicReport run(Size size, Consumer<String> log) {
        Plan plan = Plan.of(size);
        CacheSizes caches = CacheSizes.ofThisMachine();
        log.accept("caches: " + describe(caches));

        List<ChasePoint> staircase = staircase(plan, log);
        Bandwidths bandwidth = bandwidth(plan, log);
        double lockNanos = lockUnlockNanos(plan.lockPairs());
        log.accept(String.format(Locale.ROOT, "uncontended ReentrantLock lock+unlock: %s", Units.nanos(lockNanos)));

        FileReads.Timings file;
        try {
            file = FileReads.measure(Path.of(System.getProperty("java.io.tmpdir")), plan.fileMib(),
                    plan.randomFileReads(), BANDWIDTH_RUNS, SEED);
            long[] roundTrips = LoopbackRoundTrip.measure(plan.roundTripWarmUp(), plan.roundTrips());
            log.accept("verified: the file read back " + file.checked() + " time(s) in full, every time the bytes"
                    + " written (CRC-32); " + file.directNote());
            log.accept("verified: " + String.format(Locale.ROOT, "%,d", plan.roundTripWarmUp() + plan.roundTrips())
                    + " loopback round trips, each answer the " + LoopbackRoundTrip.MESSAGE_BYTES
                    + " bytes sent; echo server stopped");
            return report(size, caches, staircase, bandwidth, lockNanos, file, roundTrips);
        } catch (IOException e) {
            throw new UncheckedIOException("memory topic", e);
        }
    }

    private static String describe(CacheSizes caches) {
        if (caches.levels().isEmpty()) {
            return caches.source();
        }
        return String.join(", ", caches.levels().stream().map(l -> l.name() + " " + ByteSizes.format(l.bytes()))
                .toList()) + " (" + caches.source() + ")";
    }

    /** The working sets of the plan, each a whole number of cache lines, at most a quarter of the heap. */
    static List<Long> workingSets(long smallest, long largest, double growth, long maxHeap) {
        long cap = Long.highestOneBit(maxHeap / HEAP_SHARE_DIVISOR);
        List<Long> sets = new ArrayList<>();
        for (double bytes = smallest; bytes <= Math.min(largest, cap) * 1.0001; bytes *= growth) {
            long lines = Math.round(bytes / PointerChase.LINE_BYTES);
            sets.add(lines * PointerChase.LINE_BYTES);
        }
        return sets;
    }

    private static List<ChasePoint> staircase(Plan plan, Consumer<String> log) {
        warmUpChase();
        List<ChasePoint> points = new ArrayList<>();
        int sink = 0;
        List<Long> sets = workingSets(plan.smallestSet(), plan.largestSet(), plan.growth(),
                Runtime.getRuntime().maxMemory());
        for (long bytes : sets) {
            int[] next = PointerChase.randomCycle(bytes, SEED + bytes);
            int lines = (int) (bytes / PointerChase.LINE_BYTES);
            // The check walks the whole cycle once: it also brings the set into the caches before timing.
            int length = PointerChase.cycleLength(next);
            if (length != lines) {
                throw new VerificationException("pointer chase over " + ByteSizes.format(bytes) + ": the cycle has "
                        + length + " lines, not all " + lines);
            }
            double best = Double.MAX_VALUE;
            long budgetEnd = System.nanoTime() + plan.millisPerSet() * 1_000_000L;
            for (int r = 0; r < plan.runs() || System.nanoTime() < budgetEnd; r++) {
                long start = System.nanoTime();
                sink = PointerChase.chase(next, sink, plan.loadsPerRun());
                best = Math.min(best, (double) (System.nanoTime() - start) / plan.loadsPerRun());
            }
            points.add(new ChasePoint(bytes, best));
            log.accept(String.format(Locale.ROOT, "pointer chase over %s: %s per load", ByteSizes.format(bytes),
                    Units.nanos(best)));
        }
        log.accept("verified: each of the " + sets.size() + " working sets is one cycle through all of its lines"
                + " (ended at element " + sink + ")");
        return points;
    }

    /** Compiles the chase loop before the first timing, so no working set is timed in the interpreter. */
    private static void warmUpChase() {
        int[] small = PointerChase.randomCycle(4 * KIB, SEED);
        int position = 0;
        for (int i = 0; i < JIT_WARM_UP_CALLS; i++) {
            position = PointerChase.chase(small, position, 256);
        }
        if (position % PointerChase.STRIDE != 0) {
            throw new VerificationException("pointer chase left the line starts: " + position);
        }
    }

    /**
     * Sequential and random reads of one large array.
     *
     * @param arrayBytes the array's size
     * @param sequentialNanosPerMib reading 1 MiB of it in order
     * @param randomNanosPerRead one 8-byte read at a random place (independent of the others)
     */
    record Bandwidths(long arrayBytes, double sequentialNanosPerMib, double randomNanosPerRead) {
        double sequentialGigabytesPerSecond() {
            return (1 << 20) / sequentialNanosPerMib;
        }
    }

    private static Bandwidths bandwidth(Plan plan, Consumer<String> log) {
        long cap = Long.highestOneBit(Runtime.getRuntime().maxMemory() / HEAP_SHARE_DIVISOR);
        int length = (int) (Math.min((long) plan.arrayMib() << 20, cap) / Long.BYTES);
        long[] warm = Bandwidth.ascending(1024);
        long sink = 0;
        for (int i = 0; i < JIT_WARM_UP_CALLS; i++) {
            sink += Bandwidth.sequentialSum(warm) + Bandwidth.randomOrderSum(warm);
        }
        long[] values = Bandwidth.ascending(length);
        long expected = Bandwidth.expectedSum(length);
        double sequential = Double.MAX_VALUE;
        double random = Double.MAX_VALUE;
        for (int r = 0; r < BANDWIDTH_RUNS; r++) {
            long start = System.nanoTime();
            long sequentialSum = Bandwidth.sequentialSum(values);
            long middle = System.nanoTime();
            long randomSum = Bandwidth.randomOrderSum(values);
            long end = System.nanoTime();
            if (sequentialSum != expected || randomSum != expected) {
                throw new VerificationException("array sums " + sequentialSum + " (in order) and " + randomSum
                        + " (random order), expected " + expected);
            }
            sequential = Math.min(sequential, (middle - start) / ((double) length * Long.BYTES / (1 << 20)));
            random = Math.min(random, (double) (end - middle) / length);
        }
        long bytes = (long) length * Long.BYTES;
        log.accept("verified: in-order and random-order sums of the " + ByteSizes.format(bytes) + " array are both "
                + expected + " (every element read once; warm-up " + (sink == 0 ? "empty" : "done") + ")");
        Bandwidths result = new Bandwidths(bytes, sequential, random);
        log.accept(String.format(Locale.ROOT, "array of %s: in order %.1f GB/s, random 8-byte reads %s each",
                ByteSizes.format(bytes), result.sequentialGigabytesPerSecond(), Units.nanos(random)));
        return result;
    }

    /** Nanoseconds per lock and unlock of a lock no other thread wants. */
    static double lockUnlockNanos(int pairs) {
        ReentrantLock lock = new ReentrantLock();
        long[] counter = new long[1];
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < pairs; i++) {
                lock.lock();
                try {
                    counter[0]++;
                } finally {
                    lock.unlock();
                }
            }
            best = Math.min(best, (double) (System.nanoTime() - start) / pairs);
        }
        if (counter[0] != 3L * pairs) {
            throw new VerificationException("lock loop counted " + counter[0] + ", expected " + 3L * pairs);
        }
        return best;
    }

    private TopicReport report(Size size, CacheSizes caches, List<ChasePoint> staircase, Bandwidths bandwidth,
            double lockNanos, FileReads.Timings file, long[] roundTrips) {
        double medianRoundTrip = roundTrips[roundTrips.length / 2];
        ChasePoint l1 = pick(staircase, caches.level("L1d"), L1_FALLBACK_SET, 0);
        ChasePoint l2 = pick(staircase, caches.level("L2"), L2_FALLBACK_SET, l1.bytes());
        ChasePoint ram = staircase.get(staircase.size() - 1);

        List<List<String>> rows = new ArrayList<>();
        for (ChasePoint point : staircase) {
            LatencyNumbers known = point == l1 ? LatencyNumbers.L1_CACHE_REFERENCE
                    : point == l2 ? LatencyNumbers.L2_CACHE_REFERENCE
                    : point == ram ? LatencyNumbers.MAIN_MEMORY_REFERENCE : null;
            rows.add(row("dependent load (pointer chase)", ByteSizes.format(point.bytes()), point.nanosPerLoad(),
                    "load", known));
        }
        String array = ByteSizes.format(bandwidth.arrayBytes());
        rows.add(row("sequential read of a long[]", array, bandwidth.sequentialNanosPerMib(), "MiB",
                LatencyNumbers.READ_1MB_SEQUENTIALLY_FROM_MEMORY));
        rows.add(row("random 8-byte reads, independent", array, bandwidth.randomNanosPerRead(), "read", null));
        rows.add(row("ReentrantLock lock+unlock, uncontended", "-", lockNanos, "pair",
                LatencyNumbers.MUTEX_LOCK_UNLOCK));
        String fileSize = ByteSizes.format(file.fileBytes());
        rows.add(row("file read, page cache", fileSize, file.cachedPerMib(), "MiB", null));
        rows.add(row("random 4 KiB file read, page cache", fileSize, file.cachedRandomPage(), "read", null));
        rows.add(row("file read, direct I/O (cold)", fileSize, file.directPerMib(), "MiB",
                LatencyNumbers.READ_1MB_SEQUENTIALLY_FROM_SSD));
        rows.add(row("random 4 KiB file read, direct I/O (cold)", fileSize, file.directRandomPage(), "read",
                LatencyNumbers.READ_4K_RANDOMLY_FROM_SSD));
        rows.add(row("loopback TCP round trip, " + LoopbackRoundTrip.MESSAGE_BYTES + " bytes (median)", "-",
                medianRoundTrip, "round trip", LatencyNumbers.ROUND_TRIP_WITHIN_DATACENTER));
        TextTable table = new TextTable(List.of("measurement", "size", "measured", "nanoseconds", "per",
                "well-known (" + LatencyNumbers.SOURCE + ")"), rows);

        List<String> findings = new ArrayList<>();
        findings.add(String.format(Locale.ROOT, "Dependent loads: %s per load over %s, %s over %s, %s over %s — "
                + "main memory is %s slower than L1 here (the well-known list: %s).",
                Units.nanos(l1.nanosPerLoad()), ByteSizes.format(l1.bytes()), Units.nanos(l2.nanosPerLoad()),
                ByteSizes.format(l2.bytes()), Units.nanos(ram.nanosPerLoad()), ByteSizes.format(ram.bytes()),
                Units.ratio(ram.nanosPerLoad() / l1.nanosPerLoad()),
                Units.ratio(LatencyNumbers.MAIN_MEMORY_REFERENCE.nanos()
                        / LatencyNumbers.L1_CACHE_REFERENCE.nanos())));
        CacheSizes.Level last = caches.last();
        if (last != null && ram.bytes() <= last.bytes()) {
            findings.add("The largest working set (" + ByteSizes.format(ram.bytes()) + ") is not larger than the "
                    + "reported " + last.name() + " (" + ByteSizes.format(last.bytes()) + "); the staircase shows "
                    + "where latency actually rises to main memory's (a virtual machine may report its host's "
                    + "total cache).");
        }
        findings.add(String.format(Locale.ROOT, "Sequential reads stream %.1f GB/s (1 MiB in %s; the list: %s); "
                + "random independent 8-byte reads cost %s each against %s for a dependent load over the same "
                + "range — the CPU overlaps independent misses (%s).",
                bandwidth.sequentialGigabytesPerSecond(), Units.nanos(bandwidth.sequentialNanosPerMib()),
                Units.nanos(LatencyNumbers.READ_1MB_SEQUENTIALLY_FROM_MEMORY.nanos()),
                Units.nanos(bandwidth.randomNanosPerRead()), Units.nanos(ram.nanosPerLoad()),
                Units.ratio(ram.nanosPerLoad() / bandwidth.randomNanosPerRead())));
        if (Double.isNaN(file.directPerMib())) {
            findings.add(String.format(Locale.ROOT, "A %s file: %s per MiB and %s per random 4 KiB read from the "
                    + "page cache; %s.", fileSize, Units.nanos(file.cachedPerMib()),
                    Units.nanos(file.cachedRandomPage()), file.directNote()));
        } else {
            findings.add(String.format(Locale.ROOT, "A %s file: %s per MiB from the page cache, %s per MiB cold "
                    + "(direct I/O); a random 4 KiB read %s cached, %s cold (the list's SSD: 1 ms per MB, 150 µs "
                    + "per 4K).", fileSize, Units.nanos(file.cachedPerMib()), Units.nanos(file.directPerMib()),
                    Units.nanos(file.cachedRandomPage()), Units.nanos(file.directRandomPage())));
        }
        findings.add(String.format(Locale.ROOT, "Loopback TCP round trip (%d bytes): median %s, fastest %s over "
                + "%,d round trips (no wire; the list's datacenter round trip: %s). An uncontended lock and "
                + "unlock: %s.", LoopbackRoundTrip.MESSAGE_BYTES, Units.nanos(medianRoundTrip),
                Units.nanos(roundTrips[0]), roundTrips.length,
                Units.nanos(LatencyNumbers.ROUND_TRIP_WITHIN_DATACENTER.nanos()), Units.nanos(lockNanos)));

        String context = TopicReport.contextLine(size, "caches: " + describe(caches));
        return new TopicReport(slug(), title(), context, findings, table, List.of(),
                List.of(staircaseChart(staircase, caches), comparisonChart(l1, l2, ram, bandwidth, lockNanos, file,
                        medianRoundTrip)));
    }

    /** The largest working set at most half of {@code level} (or under {@code fallback}) above {@code above}. */
    private static ChasePoint pick(List<ChasePoint> staircase, CacheSizes.Level level, long fallback, long above) {
        long limit = level != null ? level.bytes() / 2 : fallback;
        ChasePoint best = staircase.get(0);
        for (ChasePoint point : staircase) {
            if (point.bytes() <= limit && point.bytes() > above) {
                best = point;
            }
        }
        return best;
    }

    private static List<String> row(String measurement, String size, double nanos, String per,
            LatencyNumbers known) {
        String measured = Double.isNaN(nanos) ? "not measured" : Units.nanos(nanos);
        String number = Double.isNaN(nanos) ? "" : String.format(Locale.ROOT, "%.2f", nanos);
        String reference = known == null ? "" : Units.nanos(known.nanos()) + " (" + known.operation() + ")";
        return List.of(measurement, size, measured, number, per, reference);
    }

    /** Nanoseconds per load against the working set, both on log scales, with the reported cache sizes. */
    static XYChart staircaseChart(List<ChasePoint> staircase, CacheSizes caches) {
        XYChart chart = new XYChartBuilder().width(LadderCharts.WIDTH).height(LadderCharts.HEIGHT)
                .title("Latency staircase: one dependent load, by working-set size (log-log)")
                .xAxisTitle("working set (KiB)").yAxisTitle("ns per load").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<Double> kib = staircase.stream().map(p -> p.bytes() / (double) KIB).toList();
        List<Double> nanos = staircase.stream().map(ChasePoint::nanosPerLoad).toList();
        chart.addSeries("measured here", kib, nanos);
        double low = nanos.stream().mapToDouble(Double::doubleValue).min().orElse(1) / 1.5;
        double high = nanos.stream().mapToDouble(Double::doubleValue).max().orElse(100) * 1.5;
        chart.getStyler().setYAxisMin(low);
        chart.getStyler().setYAxisMax(high);
        for (CacheSizes.Level level : caches.levels()) {
            double x = level.bytes() / (double) KIB;
            XYSeries marker = chart.addSeries(level.name() + " " + ByteSizes.format(level.bytes()) + " ("
                    + (caches.source().startsWith("/") ? "sysfs" : "getconf") + ")", List.of(x, x),
                    List.of(low, high));
            marker.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Measured here against the well-known figure, per operation, on a log scale. */
    private static CategoryChart comparisonChart(ChasePoint l1, ChasePoint l2, ChasePoint ram, Bandwidths bandwidth,
            double lockNanos, FileReads.Timings file, double roundTrip) {
        List<LatencyNumbers> known = List.of(LatencyNumbers.L1_CACHE_REFERENCE, LatencyNumbers.L2_CACHE_REFERENCE,
                LatencyNumbers.MUTEX_LOCK_UNLOCK, LatencyNumbers.MAIN_MEMORY_REFERENCE,
                LatencyNumbers.READ_4K_RANDOMLY_FROM_SSD, LatencyNumbers.READ_1MB_SEQUENTIALLY_FROM_MEMORY,
                LatencyNumbers.ROUND_TRIP_WITHIN_DATACENTER, LatencyNumbers.READ_1MB_SEQUENTIALLY_FROM_SSD);
        List<Double> measured = List.of(l1.nanosPerLoad(), l2.nanosPerLoad(), lockNanos, ram.nanosPerLoad(),
                file.directRandomPage(), bandwidth.sequentialNanosPerMib(), roundTrip, file.directPerMib());
        List<String> names = known.stream().map(LatencyNumbers::operation).toList();
        CategoryChart chart = new CategoryChartBuilder().width(LadderCharts.WIDTH).height(LadderCharts.HEIGHT)
                .title("Measured here vs " + LatencyNumbers.SOURCE + " (log scale)").yAxisTitle("nanoseconds")
                .build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.addSeries("measured here", names, measured.stream().map(v -> Double.isNaN(v) ? null : (Number) v)
                .toList());
        chart.addSeries("well-known (~2012)", names, known.stream().map(k -> (Number) k.nanos()).toList());
        double min = Math.min(measured.stream().filter(v -> !Double.isNaN(v)).mapToDouble(v -> v).min().orElse(1),
                LatencyNumbers.L1_CACHE_REFERENCE.nanos());
        double max = Math.max(measured.stream().filter(v -> !Double.isNaN(v)).mapToDouble(v -> v).max().orElse(1),
                LatencyNumbers.READ_1MB_SEQUENTIALLY_FROM_SSD.nanos());
        // Bars grow from the axis minimum: a decade below the smallest keeps every bar visible.
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min)) - 1));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
        return chart;
    }
}
