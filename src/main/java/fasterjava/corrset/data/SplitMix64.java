package fasterjava.corrset.data;

import java.util.UUID;

/**
 * The spec's random source: SplitMix64 with unsigned 64-bit wrapping arithmetic (Java's {@code long} overflow is
 * exactly that). Deterministic for a seed, so the article-shaped data set can be re-created byte for byte anywhere.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in {@code [0, n)} for {@code 0 < n < 2^31}: the top 31 bits scaled, no modulo bias loop. */
    public int bounded(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + n);
        }
        return (int) (((next() >>> 33) * n) >>> 31);
    }

    /** A version-4, IETF-variant UUID built from two draws. */
    public UUID uuid() {
        long hi = next();
        long lo = next();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }
}
