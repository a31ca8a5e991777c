package fasterjava.peers;

/**
 * One Python version's measured outcome, as its runner reported it and after its results were verified.
 *
 * @param version the version's id
 * @param items work items per timed run
 * @param runs timed runs made
 * @param bestSeconds the fastest run
 * @param prepareSeconds the untimed conversion of the data into the version's form
 * @param compileSeconds the Numba JIT compile (its first call), NaN for versions without one
 * @param threads the threads the version computes on
 */
public record PeerTiming(String version, int items, int runs, double bestSeconds, double prepareSeconds,
        double compileSeconds, int threads) {
    public double nanosPerItem() {
        return bestSeconds * 1e9 / items;
    }
}
