package fasterjava.vitals.casestudy;

import fasterjava.util.TextTable;
import fasterjava.vitals.Vital;
import fasterjava.vitals.data.GeneratedVitals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The case study's three versions disagree with each other, although it says it optimized "without changing its
 * outputs". This puts their definitions side by side on the same patients, beside the project's spec
 * ({@code vitals-spec.md} §3–§4):
 * <ul>
 * <li><b>std</b>: V1 divides by m (population), V2 and the spec by m − 1 (sample); anomalies are counted against
 * each version's own std, so V1's anomaly counts differ from the spec's;
 * <li><b>trend</b>: V1 and V2 regress on the position among the non-missing values (0..m−1), V3 on the day with
 * the deviations of missing values set to zero but the denominator over all days, the spec on the day of each
 * non-missing value.
 * </ul>
 * Every variant is computed here from its own definition (two passes per patient and vital, plain doubles), on a
 * complete day grid as the case study's data have.
 */
public final class Definitions {
    private Definitions() {
    }

    /** One vital's comparison over all patients. */
    public record Comparison(Vital vital, int patients, int anomalyCountsChanged, double maxStdDifference,
            double medianTrendGapV1, double medianTrendGapV3, double medianTrendGapV1V3) {
    }

    /** The per-patient values of one vital under each definition (NaN where undefined). */
    record Variants(double populationStd, double sampleStd, int anomaliesPopulation, int anomaliesSample,
            double trendByPosition, double trendByDay, double trendZeroedDeviations) {
    }

    /** Compares the definitions for every vital over every patient of {@code data}. */
    public static List<Comparison> compare(GeneratedVitals data) {
        List<Comparison> comparisons = new ArrayList<>();
        for (Vital vital : Vital.values()) {
            int changed = 0;
            double maxStd = 0;
            double[] gapV1 = new double[data.patients()];
            double[] gapV3 = new double[data.patients()];
            double[] gapV1V3 = new double[data.patients()];
            int gaps = 0;
            for (int p = 0; p < data.patients(); p++) {
                Variants v = variants(data.values()[vital.ordinal()], p * data.days(), data.days());
                if (v.anomaliesPopulation() != v.anomaliesSample()) {
                    changed++;
                }
                if (!Double.isNaN(v.sampleStd())) {
                    maxStd = Math.max(maxStd, Math.abs(v.sampleStd() - v.populationStd()));
                }
                if (v.trendByDay() != 0 && Double.isFinite(v.trendByDay())) {
                    gapV1[gaps] = Math.abs(v.trendByPosition() / v.trendByDay() - 1);
                    gapV3[gaps] = Math.abs(v.trendZeroedDeviations() / v.trendByDay() - 1);
                    gapV1V3[gaps] = Math.abs(v.trendByPosition() / v.trendZeroedDeviations() - 1);
                    gaps++;
                }
            }
            comparisons.add(new Comparison(vital, data.patients(), changed, maxStd, median(gapV1, gaps),
                    median(gapV3, gaps), median(gapV1V3, gaps)));
        }
        return comparisons;
    }

    /** The definitions for one patient's series {@code values[from .. from + days)}, day = index. */
    static Variants variants(double[] values, int from, int days) {
        int m = 0;
        double sum = 0;
        for (int d = 0; d < days; d++) {
            double v = values[from + d];
            if (!Double.isNaN(v)) {
                m++;
                sum += v;
            }
        }
        if (m == 0) {
            return new Variants(Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / m;
        double meanDay = 0;
        double meanPosition = (m - 1) / 2.0;
        for (int d = 0; d < days; d++) {
            if (!Double.isNaN(values[from + d])) {
                meanDay += d;
            }
        }
        meanDay /= m;
        double meanAllDays = (days - 1) / 2.0;
        double squares = 0;
        double byDay = 0;
        double dayDay = 0;
        double byPosition = 0;
        double positionPosition = 0;
        double zeroed = 0;
        int position = 0;
        for (int d = 0; d < days; d++) {
            double v = values[from + d];
            if (Double.isNaN(v)) {
                continue;
            }
            double dv = v - mean;
            squares += dv * dv;
            byDay += (d - meanDay) * dv;
            dayDay += (d - meanDay) * (d - meanDay);
            byPosition += (position - meanPosition) * dv;
            positionPosition += (position - meanPosition) * (position - meanPosition);
            zeroed += (d - meanAllDays) * dv;
            position++;
        }
        double allDays = 0;
        for (int d = 0; d < days; d++) {
            allDays += (d - meanAllDays) * (d - meanAllDays);
        }
        double populationStd = Math.sqrt(squares / m);
        double sampleStd = m > 1 ? Math.sqrt(squares / (m - 1)) : Double.NaN;
        int anomaliesPopulation = 0;
        int anomaliesSample = 0;
        for (int d = 0; d < days; d++) {
            double v = values[from + d];
            if (!Double.isNaN(v)) {
                double distance = Math.abs(v - mean);
                anomaliesPopulation += populationStd > 0 && distance > 2 * populationStd ? 1 : 0;
                anomaliesSample += sampleStd > 0 && distance > 2 * sampleStd ? 1 : 0;
            }
        }
        return new Variants(populationStd, sampleStd, anomaliesPopulation, anomaliesSample,
                m > 1 ? byPosition / positionPosition : 0.0, m > 1 ? byDay / dayDay : 0.0,
                days > 1 ? zeroed / allDays : 0.0);
    }

    private static double median(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }

    /** The comparison as a table, one row per vital. */
    public static TextTable table(List<Comparison> comparisons) {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison c : comparisons) {
            rows.add(List.of(c.vital().column(),
                    String.format(Locale.ROOT, "%,d of %,d", c.anomalyCountsChanged(), c.patients()),
                    String.format(Locale.ROOT, "%.4g", c.maxStdDifference()), percent(c.medianTrendGapV1()),
                    percent(c.medianTrendGapV3()), percent(c.medianTrendGapV1V3())));
        }
        return new TextTable(List.of("vital", "anomaly counts V1 ≠ spec", "max |std V1 − spec|",
                "median trend gap V1/V2 vs spec", "V3 vs spec", "V1 vs V3"), rows);
    }

    /** Median relative trend gaps per vital, as bars. */
    public static CategoryChart trendGapChart(List<Comparison> comparisons) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(450)
                .title("How far the case study's trends are from the slope on the day (median over patients)")
                .xAxisTitle("vital").yAxisTitle("median |trend / spec trend − 1| (%)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> vitals = comparisons.stream().map(c -> c.vital().column()).toList();
        chart.addSeries("V1 and V2: position among non-missing values", vitals,
                comparisons.stream().map(c -> (Number) (100 * c.medianTrendGapV1())).toList());
        chart.addSeries("V3: zeroed deviations, all days in the denominator", vitals,
                comparisons.stream().map(c -> (Number) (100 * c.medianTrendGapV3())).toList());
        return chart;
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
