package fasterjava.basics.simd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum and the dot product of doubles, each written six ways, from Java's equivalent of pandas' {@code apply}
 * (a stream over boxed {@code Double} objects) to explicit SIMD with the Vector API. Every way adds the same
 * numbers; they differ in what the JIT and the CPU can do with the loop, and in the order of the additions, which
 * changes the last bits of the result (see {@link ExactSums} for how far they may differ).
 */
public enum Summation {
    /** A stream over a {@code List<Double>}: every element is an object behind a pointer, every partial sum boxed. */
    BOXED_STREAM("boxed-stream", "List<Double> stream, reduce(0.0, Double::sum)"),
    /** {@code DoubleStream.sum()}: primitive, but it compensates every addition (Kahan) for accuracy. */
    DOUBLE_STREAM("double-stream", "DoubleStream sum (compensated)"),
    /** A plain loop over {@code double[]}: one chain of additions, each waiting for the one before. */
    DOUBLE_LOOP("double-loop", "for loop over double[]"),
    /**
     * Four independent partial sums: the reordering an auto-vectorizer needs (independent lanes), written by hand
     * because Java's floating-point rules forbid the JIT to reorder additions itself.
     */
    UNROLLED_LOOP("unrolled-loop", "double[] loop, four independent sums"),
    /** The Vector API at the machine's preferred width: one SIMD addition (or fused multiply-add) per vector. */
    VECTOR_API("vector-api", "Vector API, preferred species");

    /** The widest vector this CPU and JVM prefer: 4 doubles with AVX2, 8 with AVX-512. */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private final String slug;
    private final String description;

    Summation(String slug, String description) {
        this.slug = slug;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    public String description() {
        return description;
    }

    /** Σ x[i]. */
    public double sum(Data data) {
        return switch (this) {
            case BOXED_STREAM -> data.boxedX().stream().reduce(0.0, Double::sum);
            case DOUBLE_STREAM -> Arrays.stream(data.x()).sum();
            case DOUBLE_LOOP -> loopSum(data.x());
            case UNROLLED_LOOP -> unrolledSum(data.x());
            case VECTOR_API -> vectorSum(data.x());
        };
    }

    /** Σ x[i]·y[i]. */
    public double dot(Data data) {
        return switch (this) {
            case BOXED_STREAM -> boxedDot(data.boxedX(), data.boxedY());
            case DOUBLE_STREAM -> IntStream.range(0, data.x().length).mapToDouble(i -> data.x()[i] * data.y()[i]).sum();
            case DOUBLE_LOOP -> loopDot(data.x(), data.y());
            case UNROLLED_LOOP -> unrolledDot(data.x(), data.y());
            case VECTOR_API -> vectorDot(data.x(), data.y());
        };
    }

    /**
     * The values, as arrays and as boxed lists (built once, outside any timing).
     *
     * @param x the first vector
     * @param y the second vector, as long as {@code x}
     * @param boxedX {@code x} as {@code Double} objects
     * @param boxedY {@code y} as {@code Double} objects
     */
    public record Data(double[] x, double[] y, List<Double> boxedX, List<Double> boxedY) {
        public static Data of(double[] x, double[] y) {
            if (x.length != y.length) {
                throw new IllegalArgumentException("vectors of different lengths: " + x.length + ", " + y.length);
            }
            return new Data(x, y, Arrays.stream(x).boxed().collect(Collectors.toCollection(ArrayList::new)),
                    Arrays.stream(y).boxed().collect(Collectors.toCollection(ArrayList::new)));
        }

        public int length() {
            return x.length;
        }
    }

    private static double boxedDot(List<Double> x, List<Double> y) {
        return IntStream.range(0, x.size()).mapToObj(i -> x.get(i) * y.get(i)).reduce(0.0, Double::sum);
    }

    static double loopSum(double[] x) {
        double sum = 0;
        for (double value : x) {
            sum += value;
        }
        return sum;
    }

    static double loopDot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    static double unrolledSum(double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < x.length; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < x.length; i++) {
            s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double unrolledDot(double[] x, double[] y) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < x.length; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < x.length; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double vectorSum(double[] x) {
        DoubleVector sums = DoubleVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            sums = sums.add(DoubleVector.fromArray(SPECIES, x, i));
        }
        double sum = sums.reduceLanes(VectorOperators.ADD);
        for (; i < x.length; i++) {
            sum += x[i];
        }
        return sum;
    }

    static double vectorDot(double[] x, double[] y) {
        DoubleVector sums = DoubleVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(x.length); i < bound; i += SPECIES.length()) {
            // One rounding per lane instead of two: a fused multiply-add.
            sums = DoubleVector.fromArray(SPECIES, x, i).fma(DoubleVector.fromArray(SPECIES, y, i), sums);
        }
        double sum = sums.reduceLanes(VectorOperators.ADD);
        for (; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
