package fasterjava.notebooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The patient-vitals notebooks' "Your turn" sections and their solution. One deliberately naive starter, a
 * complete {@code Step} a learner edits in a cell: a boxed {@code List<Double>} per patient and vital, walked
 * again for every statistic (and again inside a statistic that needs another one). Each step notebook gives it
 * with a task that applies that step's idea, asks for a prediction, then runs the learner's step through
 * {@code nb.tryStep} (verified against the baseline, then timed beside the ladder).
 */
final class VitalsExercises {
    private static final String CLASS_NAME = "MyVitals";
    /** The steps whose task {@link #solutions()} solves. */
    private static final Set<String> SOLVED = Set.of("04");

    private static final String IMPORTS = """
            import fasterjava.ladder.Step;
            import fasterjava.vitals.*;
            import java.util.*;
            """;

    /** The starter's fields and {@code prepare}: the table regrouped into boxed lists per patient and vital. */
    private static final String LISTS = """
                private List<String> patientIds;
                /** days.get(patient): the day of each of the patient's rows. */
                private List<List<Integer>> days;
                /** series.get(patient).get(vital): the patient's values, in row order, NaN where missing. */
                private List<List<List<Double>>> series;

                public void prepare(VitalsTable table) {
                    patientIds = table.patientIds();
                    days = new ArrayList<>();
                    series = new ArrayList<>();
                    for (int p = 0; p < table.patientCount(); p++) {
                        days.add(new ArrayList<>());
                        List<List<Double>> vitals = new ArrayList<>();
                        for (Vital vital : Vital.values()) {
                            vitals.add(new ArrayList<>());
                        }
                        series.add(vitals);
                    }
                    for (int row = 0; row < table.rowCount(); row++) {
                        int p = table.patients()[row];
                        days.get(p).add(table.days()[row]);
                        for (Vital vital : Vital.values()) {
                            series.get(p).get(vital.ordinal()).add(table.values(vital)[row]);
                        }
                    }
                }
            """;

    /** Boxed lists, one pass per statistic, the mean recomputed wherever it is needed. */
    static final String STARTER = IMPORTS + """

            /** Naive on purpose: boxed lists per patient and vital, walked again for every statistic. */
            class MyVitals implements Step<VitalsTable, VitalsFeatures> {
            """ + LISTS + """

                public VitalsFeatures compute(int items) {
                    VitalsFeatures features = new VitalsFeatures(patientIds.subList(0, items));
                    double[] out = features.values();
                    for (int p = 0; p < items; p++) {
                        for (Vital vital : Vital.values()) {
                            List<Double> values = series.get(p).get(vital.ordinal());
                            int at = p * VitalsFeatures.COLUMNS + VitalsFeatures.column(vital, Feature.MEAN);
                            out[at + Feature.MEAN.ordinal()] = mean(values);
                            out[at + Feature.STD.ordinal()] = std(values);
                            out[at + Feature.MIN.ordinal()] = min(values);
                            out[at + Feature.MAX.ordinal()] = max(values);
                            out[at + Feature.RANGE.ordinal()] = max(values) - min(values);
                            out[at + Feature.TREND.ordinal()] = trend(values, days.get(p));
                            out[at + Feature.N_ANOMALIES.ordinal()] = anomalies(values);
                            out[at + Feature.MISSING_PCT.ordinal()] = missingShare(values);
                        }
                    }
                    return features;
                }

                /** The values that are not missing. */
                static List<Double> present(List<Double> values) {
                    List<Double> present = new ArrayList<>();
                    for (Double value : values) {
                        if (!value.isNaN()) {
                            present.add(value);
                        }
                    }
                    return present;
                }

                static double mean(List<Double> values) {
                    List<Double> present = present(values);
                    if (present.isEmpty()) {
                        return Double.NaN;
                    }
                    double sum = 0;
                    for (Double value : present) {
                        sum += value;
                    }
                    return sum / present.size();
                }

                /** The sample standard deviation: squared deviations divided by m − 1. */
                static double std(List<Double> values) {
                    List<Double> present = present(values);
                    if (present.size() < 2) {
                        return Double.NaN;
                    }
                    double mean = mean(values);
                    double squares = 0;
                    for (Double value : present) {
                        double deviation = value - mean;
                        squares += deviation * deviation;
                    }
                    return Math.sqrt(squares / (present.size() - 1));
                }

                static double min(List<Double> values) {
                    List<Double> present = present(values);
                    return present.isEmpty() ? Double.NaN : Collections.min(present);
                }

                static double max(List<Double> values) {
                    List<Double> present = present(values);
                    return present.isEmpty() ? Double.NaN : Collections.max(present);
                }

                /** The least-squares slope of value on day, over the days whose value is present. */
                static double trend(List<Double> values, List<Integer> days) {
                    int m = present(values).size();
                    if (m < 2) {
                        return m == 0 ? Double.NaN : 0.0;
                    }
                    double daySum = 0;
                    for (int i = 0; i < values.size(); i++) {
                        if (!values.get(i).isNaN()) {
                            daySum += days.get(i);
                        }
                    }
                    double meanDay = daySum / m;
                    double mean = mean(values);
                    double products = 0;
                    double daySquares = 0;
                    for (int i = 0; i < values.size(); i++) {
                        if (!values.get(i).isNaN()) {
                            double dayDeviation = days.get(i) - meanDay;
                            products += dayDeviation * (values.get(i) - mean);
                            daySquares += dayDeviation * dayDeviation;
                        }
                    }
                    return products / daySquares;
                }

                /** Values more than two standard deviations from the mean; ties decided exactly (spec §3). */
                static int anomalies(List<Double> values) {
                    double mean = mean(values);
                    double twoStd = 2 * std(values);
                    int count = 0;
                    boolean nearThreshold = false;
                    for (Double value : values) {
                        if (Math.abs(value - mean) > twoStd) {
                            count++;
                        }
                        nearThreshold |= Anomalies.nearThreshold(value, mean, twoStd);
                    }
                    if (nearThreshold) {
                        double[] exact = values.stream().mapToDouble(Double::doubleValue).toArray();
                        return Anomalies.countExactly(exact, 0, exact.length);
                    }
                    return count;
                }

                static double missingShare(List<Double> values) {
                    return (double) (values.size() - present(values).size()) / values.size();
                }
            }""";

    /** A task and the question to answer before measuring. */
    record Exercise(String task, String predict) {
    }

    private VitalsExercises() {
    }

    /** The exercise at the end of step {@code number}'s notebook. */
    static Exercise forStep(String number) {
        return switch (number) {
            case "01" -> new Exercise("""
                    Break the starter on purpose: make `std` divide by `present.size()` instead of
                    `present.size() - 1` (the population standard deviation, as the case study's V1 does) and run
                    it. Read what the harness says, then undo the change.""", """
                    Will the broken step be timed? Which feature will the message name: only the std, or another
                    one that depends on it?""");
            case "02" -> new Exercise("""
                    Group once: the starter filters out the missing values again in every statistic, and
                    `std`, `trend` and `anomalies` each recompute the mean. Compute the present values, the mean
                    and the std once per series and pass them to the statistics that need them.""", """
                    Count how many times the starter walks one series to compute its eight features, and how many
                    times your version does. Predict the speedup from that ratio, then see what the measurement
                    shows.""");
            case "03" -> new Exercise("""
                    Replace the boxed lists: build a `double[]` per patient and vital (and an `int[]` of days) in
                    `prepare`, and let the statistics take arrays. The passes stay as they are.""", """
                    A `Double` in a list costs a 16-byte object plus a 4-byte reference, a `double` 8 bytes. Is
                    the gain closer to that memory ratio or larger? Why?""");
            case "04" -> new Exercise("""
                    Fuse the passes: walk each series once, keeping count, Σv, Σv², Σd, Σd², Σd·v, min and max,
                    and derive mean, std and trend in closed form (`var = (Σv² − (Σv)²/m) / (m − 1)`); a second
                    walk counts the anomalies. Measure the sums from the series' first value and day (step 04's
                    Javadoc says why).""", """
                    The starter reads every value dozens of times; the fused version twice. Predict the speedup,
                    then measure. Is it the number of reads that costs, or something else the fusion removes?""");
            case "05" -> new Exercise("""
                    The data have at most two decimals. Hold each value as a `long` count of hundredths
                    (`Math.round(v * 100)`) and take Σx and Σx² exactly in `long`s; divide only at the end.""", """
                    Integer sums are exact, so the shift of step 04 is no longer needed. Will exactness cost speed
                    or gain it? What does a `long` add cost next to a `double` add?""");
            case "06" -> new Exercise("""
                    Vectorize one statistic: take the sum and the min of a `double[]` series with
                    `DoubleVector.SPECIES_PREFERRED` (`jdk.incubator.vector`), a lane mask for the missing values
                    and a scalar loop for the tail.""", """
                    `DoubleVector.SPECIES_PREFERRED.length()` tells this machine's lanes. Will that statistic get
                    that many times faster? Why not, if it does not?""");
            case "07" -> new Exercise("""
                    Use every core: patients are independent and each writes its own row of the result, so run
                    the loop over patients as `IntStream.range(0, items).parallel().forEach(p -> …)`.""", """
                    Amdahl's law: with a serial share s, N cores give at most 1 / (s + (1 − s) / N). This machine
                    has `Runtime.getRuntime().availableProcessors()` cores. Predict your speedup, then work out
                    from the measurement the serial share it implies.""");
            case "08" -> new Exercise("""
                    Readability against speed: compare the starter with step 08 (`nb.source("08")`) — their lines
                    of code and their times in the table above. Write down which steps you would keep in
                    production code, and why.""", """
                    Step 08 streams 2 million patients in bounded memory. How much memory would the starter's
                    boxed lists need for them (2,190 values per patient-year, some 20 bytes each)? Is the speedup
                    worth the extra code? What would make you say no?""");
            default -> throw new IllegalArgumentException("no exercise for step " + number);
        };
    }

    /** The "Your turn" section at the end of a step notebook. */
    static void yourTurn(NotebookJson nb, String number, String slug) {
        Exercise exercise = forStep(number);
        ExerciseCells.yourTurn(nb, exercise.task(), exercise.predict(), SOLVED.contains(number), STARTER, CLASS_NAME,
                slug);
    }

    /** The solutions notebook: step 04's task, solved on the starter's lists. */
    static Map<String, ObjectNode> solutions() {
        Map<String, ObjectNode> books = new LinkedHashMap<>();
        books.put("03-vitals-fused.ipynb", ExerciseCells.solutionBook("03-vitals-fused", """
                # Solutions · patient vitals · step 04

                The starter of the vitals steps with its passes fused (step 04's task): the same boxed lists, but
                each series is walked once for the sums from which mean, std, min, max and trend follow, and once
                more for the anomalies.""", "[← the patient-vitals overview](../vitals/00-overview.ipynb)",
                "import fasterjava.notebook.*;\n\nvar nb = VitalsNotebook.open();", "04",
                IMPORTS + "\n" + SOLUTION_FUSED, "my-fused-lists", "FusedLists"));
        return books;
    }

    private static final String SOLUTION_FUSED = """
            /** Step 04's idea on the starter: one pass for the sums, one for the anomalies, per series. */
            class FusedLists implements Step<VitalsTable, VitalsFeatures> {
            """ + LISTS + """

                public VitalsFeatures compute(int items) {
                    VitalsFeatures features = new VitalsFeatures(patientIds.subList(0, items));
                    double[] out = features.values();
                    for (int p = 0; p < items; p++) {
                        for (Vital vital : Vital.values()) {
                            int at = p * VitalsFeatures.COLUMNS + VitalsFeatures.column(vital, Feature.MEAN);
                            describe(series.get(p).get(vital.ordinal()), days.get(p), out, at);
                        }
                    }
                    return features;
                }

                /** One series' eight features from running sums taken around its first present value and day. */
                static void describe(List<Double> values, List<Integer> days, double[] out, int at) {
                    int m = 0;
                    double v0 = Double.NaN, d0 = 0, sv = 0, svv = 0, sd = 0, sdd = 0, sdv = 0;
                    double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < values.size(); i++) {
                        double value = values.get(i);
                        if (Double.isNaN(value)) {
                            continue;
                        }
                        if (m == 0) {
                            v0 = value;
                            d0 = days.get(i);
                        }
                        double v = value - v0;
                        double d = days.get(i) - d0;
                        m++;
                        sv += v;
                        svv += v * v;
                        sd += d;
                        sdd += d * d;
                        sdv += d * v;
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                    if (m == 0) {
                        min = Double.NaN;
                        max = Double.NaN;
                    }
                    double mean = m == 0 ? Double.NaN : v0 + sv / m;
                    double std = m < 2 ? Double.NaN : Math.sqrt(Math.max(0, (svv - sv * sv / m) / (m - 1)));
                    double trend = m == 0 ? Double.NaN : m == 1 ? 0.0 : (sdv - sd * sv / m) / (sdd - sd * sd / m);
                    int anomalies = 0;
                    boolean nearThreshold = false;
                    for (Double value : values) {
                        if (Math.abs(value - mean) > 2 * std) {
                            anomalies++;
                        }
                        nearThreshold |= Anomalies.nearThreshold(value, mean, 2 * std);
                    }
                    if (nearThreshold) {
                        double[] exact = values.stream().mapToDouble(Double::doubleValue).toArray();
                        anomalies = Anomalies.countExactly(exact, 0, exact.length);
                    }
                    out[at + Feature.MEAN.ordinal()] = mean;
                    out[at + Feature.STD.ordinal()] = std;
                    out[at + Feature.MIN.ordinal()] = min;
                    out[at + Feature.MAX.ordinal()] = max;
                    out[at + Feature.RANGE.ordinal()] = max - min;
                    out[at + Feature.TREND.ordinal()] = trend;
                    out[at + Feature.N_ANOMALIES.ordinal()] = anomalies;
                    out[at + Feature.MISSING_PCT.ordinal()] = (double) (values.size() - m) / values.size();
                }
            }""";
}
