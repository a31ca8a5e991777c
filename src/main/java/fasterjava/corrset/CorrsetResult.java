package fasterjava.corrset;

import java.util.Optional;

/**
 * What a k-corrset step returns for its first {@code size} combinations: r (NaN when undefined) and the number of
 * users counted, per combination in lexicographic order.
 */
public record CorrsetResult(double[] r, int[] n) {
    /** Largest |Δr| between two steps that still counts as the same answer. */
    public static final double TOLERANCE = 1e-12;

    public CorrsetResult {
        if (r.length != n.length) {
            throw new IllegalArgumentException("r and n differ in length: " + r.length + " vs " + n.length);
        }
    }

    public static CorrsetResult ofSize(int size) {
        return new CorrsetResult(new double[size], new int[size]);
    }

    public int size() {
        return r.length;
    }

    public int undefinedCount() {
        int undefined = 0;
        for (double value : r) {
            if (Double.isNaN(value)) {
                undefined++;
            }
        }
        return undefined;
    }

    /**
     * The first of the leading {@code count} combinations on which this result differs from {@code reference}
     * (undefined vs defined, n, or r by more than {@link #TOLERANCE}), described for a user; empty if none.
     */
    public Optional<String> firstMismatch(CorrsetResult reference, int count) {
        if (size() < count || reference.size() < count) {
            return Optional.of("cannot compare " + count + " combinations: results hold " + size() + " and "
                    + reference.size());
        }
        for (int i = 0; i < count; i++) {
            double expected = reference.r[i];
            double actual = r[i];
            boolean same = Double.isNaN(expected)
                    ? Double.isNaN(actual)
                    : !Double.isNaN(actual) && Math.abs(expected - actual) <= TOLERANCE;
            if (!same || reference.n[i] != n[i]) {
                return Optional.of("combination #" + i + ": expected r=" + expected + " (n=" + reference.n[i]
                        + "), got r=" + actual + " (n=" + n[i] + ")");
            }
        }
        return Optional.empty();
    }
}
