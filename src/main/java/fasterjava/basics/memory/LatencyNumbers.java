package fasterjava.basics.memory;

/**
 * The well-known figures the memory topic is compared with: "Latency Numbers Every Programmer Should Know", the
 * list of Jeff Dean's figures (after Peter Norvig's table of timings) as widely shared around 2012, when SSD rows
 * were added. Only the rows this topic measures a counterpart for; in nanoseconds.
 */
enum LatencyNumbers {
    L1_CACHE_REFERENCE("L1 cache reference", 0.5),
    L2_CACHE_REFERENCE("L2 cache reference", 7),
    MUTEX_LOCK_UNLOCK("Mutex lock/unlock", 25),
    MAIN_MEMORY_REFERENCE("Main memory reference", 100),
    READ_4K_RANDOMLY_FROM_SSD("Read 4K randomly from SSD", 150_000),
    READ_1MB_SEQUENTIALLY_FROM_MEMORY("Read 1 MB sequentially from memory", 250_000),
    ROUND_TRIP_WITHIN_DATACENTER("Round trip within same datacenter", 500_000),
    READ_1MB_SEQUENTIALLY_FROM_SSD("Read 1 MB sequentially from SSD", 1_000_000);

    /** How the figures are cited in tables and charts. */
    static final String SOURCE = "latency numbers every programmer should know (~2012)";

    private final String operation;
    private final double nanos;

    LatencyNumbers(String operation, double nanos) {
        this.operation = operation;
        this.nanos = nanos;
    }

    String operation() {
        return operation;
    }

    double nanos() {
        return nanos;
    }
}
