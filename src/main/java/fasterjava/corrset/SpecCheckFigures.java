package fasterjava.corrset;

/**
 * The spec's check figures for the full seed-42 data set (60,000 users x 200 questions, per-mille 200), K = 5,
 * first combinations in lexicographic order. The one place these constants live.
 */
public final class SpecCheckFigures {
    public static final int K = 5;
    /** r of the first three combinations. */
    public static final double[] FIRST_R = {0.5562477098779303, 0.17882872730310787, 0.5607676822069563};
    /** Users counted in the first three combinations. */
    public static final int[] FIRST_N = {17, 19, 14};
    /** Sum of r over the first 1,000 combinations (none of them undefined). */
    public static final double SUM_OF_FIRST_1000 = 275.210939378333;
    public static final double SUM_TOLERANCE = 1e-9;

    private SpecCheckFigures() {
    }
}
