package fasterjava.vitals.data;

import fasterjava.vitals.Vital;

/**
 * The case study's data generator, bit for bit ({@code vitals-spec.md} §1): NumPy's legacy {@code RandomState}
 * seeded once and consumed column by column, each column for all rows before the next, then the four
 * missing-value masks. This is the straightforward single-stream version that holds everything in memory;
 * {@link VitalsStream} produces the same values for any size in bounded memory.
 */
public final class VitalsGenerator {
    /** The case study's days per patient. */
    public static final int DEFAULT_DAYS = 365;
    /** The case study's seed. */
    public static final long DEFAULT_SEED = 42;
    /** Seeds NumPy's {@code RandomState} accepts: 0..2^32-1. */
    static final long MAX_SEED = 0xFFFF_FFFFL;
    /** The longest Java array (a little under Integer.MAX_VALUE, as the JDK's own collections assume). */
    private static final int MAX_ROWS = Integer.MAX_VALUE - 8;

    private VitalsGenerator() {
    }

    /** All values for {@code patients} × {@code days} rows; throws if they would not fit in Java arrays. */
    public static GeneratedVitals generate(int patients, int days, long seed) {
        long rows = checkShape(patients, days, seed);
        if (rows > MAX_ROWS) {
            throw new IllegalArgumentException(patients + " patients × " + days + " days = " + rows
                    + " rows do not fit in memory as arrays; stream them instead");
        }
        int n = (int) rows;
        LegacyRandom random = new LegacyRandom(seed);
        double[][] values = new double[Vital.values().length][];
        for (VitalsRecipe.NormalColumn column : VitalsRecipe.NORMAL_COLUMNS) {
            double[] out = new double[n];
            for (int row = 0; row < n; row++) {
                out[row] = column.value(random.gauss());
            }
            values[column.vital().ordinal()] = out;
        }
        double[] counts = new double[n];
        for (int row = 0; row < n; row++) {
            counts[row] = random.poisson(VitalsRecipe.POISSON_LAMBDA);
        }
        values[VitalsRecipe.POISSON_VITAL.ordinal()] = counts;
        for (Vital vital : VitalsRecipe.MASKED_VITALS) {
            double[] out = values[vital.ordinal()];
            for (int row = 0; row < n; row++) {
                if (random.nextDouble() < VitalsRecipe.MISSING_PROBABILITY) {
                    out[row] = Double.NaN;
                }
            }
        }
        return new GeneratedVitals(patients, days, seed, values);
    }

    /** Validates a generator shape and returns its number of rows. */
    static long checkShape(int patients, int days, long seed) {
        if (patients < 1) {
            throw new IllegalArgumentException("patients must be at least 1, got " + patients);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        checkSeed(seed);
        return (long) patients * days;
    }

    /** NumPy's seed range: the seed as MT19937's 32-bit {@code init_genrand} argument. */
    static int checkSeed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be in 0.." + MAX_SEED + " (NumPy's range), got " + seed);
        }
        return (int) seed;
    }
}
