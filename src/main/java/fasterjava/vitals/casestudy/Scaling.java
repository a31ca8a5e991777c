package fasterjava.vitals.casestudy;

import fasterjava.ladder.Step;
import fasterjava.ladder.VerificationException;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The case study's discussion question, answered by measurement: how does the featurization scale with cores,
 * and what does Amdahl's law make of it? A threaded step runs on 1, 2, … threads (the same bits on every count,
 * checked), its speedup gives the serial fraction {@code f} that Amdahl's law {@code S(n) = 1 / (f + (1 − f) / n)}
 * needs to fit the largest count measured, and the law then extrapolates to the case study's 32 cores.
 */
public final class Scaling {
    private Scaling() {
    }

    /** One thread count's best time and speedup over one thread. */
    public record Point(int threads, double seconds, double speedup) {
    }

    /**
     * @param points per thread count, 1 first
     * @param serialFraction Amdahl's f fitted to the largest thread count (clamped to 0..1)
     */
    public record Result(List<Point> points, double serialFraction) {
        /** Amdahl's law with the fitted serial fraction. */
        public double predicted(int threads) {
            return 1 / (serialFraction + (1 - serialFraction) / threads);
        }

        public String summary() {
            Point last = points.get(points.size() - 1);
            if (last.speedup() < 1) {
                return String.format(Locale.ROOT, "1 → %d threads: %.2fx, slower: the other cores were busy, or one "
                        + "thread's run (%.1f ms) was too short to pay for handing work to threads; Amdahl's law "
                        + "does not describe this run", last.threads(), last.speedup(), 1e3 * points.get(0).seconds());
            }
            return String.format(Locale.ROOT, "1 → %d threads: %.2fx; Amdahl's law fits that with a serial fraction "
                    + "of %.1f%%, which would give %.1fx on 32 cores and at most %s on any number",
                    last.threads(), last.speedup(), 100 * serialFraction, predicted(32),
                    serialFraction > 0 ? String.format(Locale.ROOT, "%.0fx", 1 / serialFraction) : "no limit");
        }
    }

    /**
     * Times {@code step} (made for a thread count) on every patient of {@code table} with 1..{@code maxThreads}
     * threads: warm-up runs, then the best of {@code repetitions}; each count's result must equal one thread's.
     */
    public static Result measure(IntFunction<Step<VitalsTable, VitalsFeatures>> step, VitalsTable table,
            int maxThreads, int repetitions) {
        List<Point> points = new ArrayList<>();
        VitalsFeatures single = null;
        double oneThread = 0;
        for (int threads = 1; threads <= maxThreads; threads++) {
            try (Step<VitalsTable, VitalsFeatures> instance = step.apply(threads)) {
                instance.prepare(table);
                int patients = table.patientCount();
                VitalsFeatures result = instance.compute(patients);
                long warmUntil = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < warmUntil) {
                    result = instance.compute(patients);
                }
                if (single == null) {
                    single = result;
                } else {
                    String mismatch = single.firstMismatch(result, patients).orElse(null);
                    if (mismatch != null) {
                        throw new VerificationException(threads + " threads differ from one: " + mismatch);
                    }
                }
                double best = Double.MAX_VALUE;
                for (int r = 0; r < repetitions; r++) {
                    long start = System.nanoTime();
                    instance.compute(patients);
                    best = Math.min(best, (System.nanoTime() - start) / 1e9);
                }
                if (threads == 1) {
                    oneThread = best;
                }
                points.add(new Point(threads, best, oneThread / best));
            }
        }
        Point last = points.get(points.size() - 1);
        double fraction = last.threads() == 1 ? 0
                : Math.clamp((last.threads() / last.speedup() - 1) / (last.threads() - 1), 0.0, 1.0);
        return new Result(points, fraction);
    }

    /** Measured speedups beside Amdahl's law for the fitted fraction and for 0%, 10% and 50% serial work. */
    public static XYChart chart(Result result) {
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title("Speedup over one thread: measured here, and Amdahl's law").xAxisTitle("threads (cores)")
                .yAxisTitle("speedup").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        List<Integer> cores = List.of(1, 2, 4, 8, 16, 32, 64);
        for (double f : new double[] {0, 0.1, 0.5}) {
            Result law = new Result(result.points(), f);
            chart.addSeries(String.format(Locale.ROOT, "Amdahl, %.0f%% serial", 100 * f), cores,
                    cores.stream().map(law::predicted).toList()).setMarker(SeriesMarkers.NONE);
        }
        chart.addSeries(String.format(Locale.ROOT, "Amdahl, fitted: %.1f%% serial", 100 * result.serialFraction()),
                cores, cores.stream().map(result::predicted).toList()).setMarker(SeriesMarkers.NONE);
        chart.addSeries("measured here", result.points().stream().map(Point::threads).toList(),
                result.points().stream().map(Point::speedup).toList());
        return chart;
    }
}
