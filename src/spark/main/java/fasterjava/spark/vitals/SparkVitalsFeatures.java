package fasterjava.spark.vitals;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.regr_slope;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import fasterjava.corrset.data.BadInputException;
import fasterjava.vitals.Anomalies;
import fasterjava.vitals.Feature;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsFeatures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.collection.immutable.Seq;

/**
 * The vitals features ({@code vitals-spec.md} §3) as a Spark SQL job over a CSV file or a folder of CSV files in
 * the spec's input format (§2), for data that outgrow one machine.
 *
 * <p><b>Reading.</b> Spark's CSV reader with every column as text, the header checked against the spec's
 * ({@code enforceSchema=false}), malformed records failing the job ({@code FAILFAST}), quotes as RFC 4180 has
 * them. Each row keeps where it came from: the file (from the file source's {@code _metadata}), the byte offset of
 * the file part a task read, and an id that grows along the rows of that part. Sorted by those three, rows are in
 * file-name order, then file order, so a patient's first appearance is the smallest of its rows' positions. Spark
 * skips blank lines and counts no lines, so errors name the data row.
 *
 * <p><b>Checks</b> (each stops the job with one {@link BadInputException}), the single-machine loader's rules: the
 * header, a record with another number of fields, a day that is not a whole number from 0 to 2^31 − 1, a vital that
 * is not a finite decimal number, an empty patient id, a duplicate (patient, day), no rows at all. The typed rows are
 * persisted, since the checks and both aggregations read them.
 *
 * <p><b>Features.</b> One group-by per patient with Spark's built-in aggregates: {@code avg}, {@code stddev_samp},
 * {@code min}, {@code max}, {@code regr_slope} of value on day, and counts for the missing share. Then the anomaly
 * count, the idiomatic way: the rows joined back to their patient's mean and std (a broadcast hash join: the
 * per-patient table is small) and counted in a second group-by. A value can sit exactly on {@code mean ± 2·std}
 * (the data have one or two decimals), where floating point decides by the order of its arithmetic; such series are
 * recounted exactly, as the single-machine steps recount them ({@link Anomalies}). The spec's edge rules are SQL
 * {@code CASE}s: Spark returns NULL where the spec says NaN (no values; std of one value), and {@code regr_slope}
 * returns NULL for a single value where the spec wants a trend of 0.0; a std of 0 counts no anomalies (a mean
 * rounded off the values would otherwise count them all). NULL is the spec's NaN throughout and is written as an
 * empty field.
 */
public final class SparkVitalsFeatures {
    /** The output file inside the output folder (beside Spark's {@code _SUCCESS} marker). */
    public static final String OUTPUT_FILE = "features.csv";

    static final String PATIENT = Vital.INPUT_HEADER.get(0);
    static final String DAY = Vital.INPUT_HEADER.get(1);
    private static final String FILE = "_file";
    private static final String PART = "_part";
    private static final String ROW = "_row";
    private static final String BAD_FIELD = "_bad_field";
    private static final String FIRST = "_first";
    private static final String ROWS = "_rows";
    private static final String DAYS = "_days";
    /** RFC 4180 quoting, as the spec's files use it: a quote in a quoted field is doubled (Spark's default: \). */
    private static final String QUOTE = "\"";
    private static final String DIGITS = "0123456789";
    /** The characters of a decimal number in the spec's files: digits, signs, a point, an exponent. */
    private static final String DECIMAL_CHARACTERS = DIGITS + "+-.eE";
    /** The largest day the single-machine loader takes (an {@code int}); the same limit here. */
    private static final long MAX_DAY = Integer.MAX_VALUE;
    private static final double ANOMALY_STDS = 2.0;

    private SparkVitalsFeatures() {
    }

    /**
     * The input at {@code path} (a CSV file or a folder of them) as typed rows: {@code patient_id} (string),
     * {@code day} (long), the six vitals (double, NULL when missing), and the row's position. Persisted: the
     * caller unpersists it when done.
     *
     * @throws BadInputException for the first bad row in file order, or a bad header, or no rows
     */
    public static Dataset<Row> load(SparkSession spark, String path) {
        StructType allText = new StructType();
        for (String column : Vital.INPUT_HEADER) {
            allText = allText.add(column, DataTypes.StringType);
        }
        Dataset<Row> raw = spark.read().schema(allText).option("header", true).option("enforceSchema", false)
                .option("mode", "FAILFAST").option("escape", QUOTE).csv(path)
                .select(col("*"), col("_metadata.file_path").as(FILE), col("_metadata.file_block_start").as(PART),
                        monotonically_increasing_id().as(ROW));
        // Each field's text beside its value, then the checks on both, in two projections: in one, every value would
        // be cast again inside the checks (Spark's common-subexpression elimination does not reach the later
        // branches of a CASE); measured on 7.3 million rows, that cost more than reading the file.
        List<Column> parsed = new ArrayList<>(List.of(col(PATIENT), col(DAY).as(text(DAY)),
                col(DAY).try_cast(DataTypes.LongType).as(DAY)));
        for (Vital vital : Vital.values()) {
            parsed.add(col(vital.column()).as(text(vital.column())));
            parsed.add(col(vital.column()).try_cast(DataTypes.DoubleType).as(vital.column()));
        }
        parsed.addAll(List.of(col(FILE), col(PART), col(ROW)));
        List<Column> typed = new ArrayList<>(List.of(col(PATIENT), col(DAY)));
        for (Vital vital : Vital.values()) {
            typed.add(col(vital.column()));
        }
        typed.addAll(List.of(badField().as(BAD_FIELD), col(FILE), col(PART), col(ROW)));
        Dataset<Row> rows = raw.select(parsed.toArray(Column[]::new)).select(typed.toArray(Column[]::new))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            check(rows, path);
            return rows;
        } catch (RuntimeException e) {
            rows.unpersist();
            throw e;
        }
    }

    /**
     * The first field of a row that breaks the spec's input rules, or NULL, from each field's text and value. A
     * vital is a decimal number when its text holds only digits, signs, a point and exponent letters and Spark's
     * cast reads a finite double from it (the cast alone would also take {@code NaN}, {@code Infinity} and Java's
     * {@code 1.5d}); string functions check that at a fraction of a regular expression's cost.
     */
    private static Column badField() {
        Column day = col(DAY);
        Column bad = when(col(PATIENT).isNull(), lit(PATIENT))
                .when(col(text(DAY)).isNull().or(onlyCharacters(col(text(DAY)), DIGITS).unary_$bang())
                        .or(day.isNull()).or(day.gt(MAX_DAY)), lit(DAY));
        for (Vital vital : Vital.values()) {
            Column text = col(text(vital.column()));
            Column value = col(vital.column());
            bad = bad.when(text.isNotNull().and(onlyCharacters(text, DECIMAL_CHARACTERS).unary_$bang()
                    .or(value.isNull()).or(isnan(value)).or(abs(value).equalTo(Double.POSITIVE_INFINITY))),
                    lit(vital.column()));
        }
        return bad;
    }

    /** The name of a field's text beside its typed value. */
    private static String text(String column) {
        return "_" + column + "_text";
    }

    /** Whether {@code text} holds nothing but {@code allowed} characters: deleting them leaves it empty. */
    private static Column onlyCharacters(Column text, String allowed) {
        return length(translate(text, allowed, "")).equalTo(0);
    }

    private static void check(Dataset<Row> rows, String path) {
        Column position = struct(col(FILE), col(PART), col(ROW));
        List<Row> bad = rows.filter(col(BAD_FIELD).isNotNull()).orderBy(position).limit(1).collectAsList();
        if (!bad.isEmpty()) {
            Row row = bad.getFirst();
            String field = row.getAs(BAD_FIELD);
            String problem = field.equals(PATIENT) ? "the patient id is empty"
                    : field.equals(DAY) ? "the day is not a whole number from 0 to " + MAX_DAY
                    : "the value is not a finite decimal number";
            throw new BadInputException(localPath(row.getAs(FILE)), rowLocation(rows, row), field, problem
                    + (field.equals(PATIENT) ? "" : " (patient " + row.getAs(PATIENT) + ")"));
        }
        // Per patient, rows against distinct days: partial sets per task go through the shuffle, not every row.
        List<Row> repeating = rows.groupBy(col(PATIENT))
                .agg(count(lit(1)).as(ROWS), size(collect_set(col(DAY))).as(DAYS), min(position).as(FIRST))
                .filter(col(ROWS).notEqual(col(DAYS))).orderBy(col(FIRST)).limit(1).collectAsList();
        if (!repeating.isEmpty()) {
            String patient = repeating.getFirst().getAs(PATIENT);
            Row day = rows.filter(col(PATIENT).equalTo(patient)).groupBy(col(DAY))
                    .agg(count(lit(1)).as(ROWS), min(position).as(FIRST)).filter(col(ROWS).gt(1))
                    .orderBy(col(FIRST)).limit(1).collectAsList().getFirst();
            Row first = day.getAs(FIRST);
            throw new BadInputException(localPath(first.getString(0)), null, DAY, String.format(Locale.ROOT,
                    "patient %s has day %d %d times (days must be unique per patient)", patient,
                    day.<Long>getAs(DAY), day.<Long>getAs(ROWS)));
        }
        if (rows.isEmpty()) {
            throw new BadInputException(Path.of(path), null, null, "no data rows");
        }
    }

    /** "row N" of the file (its data rows, header and blank lines not counted), found by counting the rows before. */
    private static String rowLocation(Dataset<Row> rows, Row row) {
        String file = row.getAs(FILE);
        long part = row.getAs(PART);
        long id = row.getAs(ROW);
        long before = rows.filter(col(FILE).equalTo(file).and(col(PART).equalTo(part)).and(col(ROW).lt(id)))
                .count();
        return part == 0 ? "row " + (before + 1)
                : "row " + (before + 1) + " of the part that starts at byte " + part;
    }

    /**
     * The features of the rows {@link #load} returned: one row per patient, in order of first appearance, with
     * the spec's 49 columns ({@link VitalsFeatures#header()}).
     */
    public static Dataset<Row> features(Dataset<Row> rows) {
        List<Column> perPatient = new ArrayList<>();
        perPatient.add(min(struct(col(FILE), col(PART), col(ROW))).as(FIRST));
        perPatient.add(count(lit(1)).as(ROWS));
        for (Vital vital : Vital.values()) {
            Column value = col(vital.column());
            perPatient.add(avg(value).as(name(vital, "mean")));
            perPatient.add(stddev_samp(value).as(name(vital, "std")));
            perPatient.add(min(value).as(name(vital, "min")));
            perPatient.add(max(value).as(name(vital, "max")));
            perPatient.add(regr_slope(value, col(DAY)).as(name(vital, "slope")));
            perPatient.add(count(value).as(name(vital, "m")));
        }
        Dataset<Row> stats = rows.groupBy(col(PATIENT)).agg(perPatient.getFirst(),
                perPatient.subList(1, perPatient.size()).toArray(Column[]::new));

        List<String> meansAndStds = new ArrayList<>(List.of(PATIENT));
        for (Vital vital : Vital.values()) {
            meansAndStds.add(name(vital, "mean"));
            meansAndStds.add(name(vital, "std"));
        }
        Dataset<Row> joined = rows.join(broadcast(stats.selectExpr(meansAndStds.toArray(String[]::new))), PATIENT);
        List<Column> counted = new ArrayList<>();
        for (Vital vital : Vital.values()) {
            Column value = col(vital.column());
            Column std = col(name(vital, "std"));
            Column deviation = abs(value.minus(col(name(vital, "mean"))));
            Column twoStd = std.multiply(ANOMALY_STDS);
            Column magnitude = abs(value).plus(abs(col(name(vital, "mean")))).plus(twoStd);
            counted.add(sum(when(std.gt(0).and(deviation.gt(twoStd)), 1).otherwise(0)).as(name(vital, "fast")));
            counted.add(max(std.gt(0).and(abs(deviation.minus(twoStd)).leq(magnitude.multiply(Anomalies.MARGIN))))
                    .as(name(vital, "near")));
        }
        Dataset<Row> fast = joined.groupBy(col(PATIENT))
                .agg(counted.getFirst(), counted.subList(1, counted.size()).toArray(Column[]::new));
        Dataset<Row> anomalies = fast.join(exactCounts(rows, fast), new String[] {PATIENT}, "left");

        List<Column> output = new ArrayList<>();
        output.add(col(PATIENT));
        for (Vital vital : Vital.values()) {
            Column m = col(name(vital, "m"));
            output.add(col(name(vital, "mean")).as(Feature.MEAN.column(vital)));
            output.add(col(name(vital, "std")).as(Feature.STD.column(vital)));
            output.add(col(name(vital, "min")).as(Feature.MIN.column(vital)));
            output.add(col(name(vital, "max")).as(Feature.MAX.column(vital)));
            output.add(col(name(vital, "max")).minus(col(name(vital, "min"))).as(Feature.RANGE.column(vital)));
            output.add(when(m.equalTo(1), lit(0.0)).when(m.gt(1), col(name(vital, "slope")))
                    .as(Feature.TREND.column(vital)));
            output.add(coalesce(col(name(vital, "exact")), col(name(vital, "fast"))).cast(DataTypes.LongType)
                    .as(Feature.N_ANOMALIES.column(vital)));
            output.add(col(ROWS).minus(m).cast(DataTypes.DoubleType).divide(col(ROWS))
                    .as(Feature.MISSING_PCT.column(vital)));
        }
        output.add(col(FIRST));
        return stats.join(anomalies, PATIENT).select(output.toArray(Column[]::new));
    }

    /**
     * Anomaly counts decided exactly, as the single-machine steps decide them ({@link Anomalies}): for the series
     * in which some value lies within {@link Anomalies#MARGIN} of {@code mean ± 2·std}, where a floating-point
     * comparison could go either way, the series' values are collected and counted in exact decimal arithmetic by
     * a user-defined function. Such series are rare, so this joins and collects little; NULL elsewhere.
     */
    private static Dataset<Row> exactCounts(Dataset<Row> rows, Dataset<Row> fast) {
        UserDefinedFunction exact = udf((UDF1<Seq<Double>, Integer>) SparkVitalsFeatures::countExactly,
                DataTypes.IntegerType);
        List<Column> nearAny = new ArrayList<>();
        List<String> flags = new ArrayList<>(List.of(PATIENT));
        for (Vital vital : Vital.values()) {
            nearAny.add(col(name(vital, "near")));
            flags.add(name(vital, "near"));
        }
        Dataset<Row> near = fast.filter(nearAny.stream().reduce(Column::or).orElseThrow())
                .selectExpr(flags.toArray(String[]::new));
        List<Column> counts = new ArrayList<>();
        for (Vital vital : Vital.values()) {
            Column series = collect_list(when(col(name(vital, "near")), col(vital.column())));
            counts.add(when(first(col(name(vital, "near"))), exact.apply(series)).as(name(vital, "exact")));
        }
        return rows.join(broadcast(near), PATIENT).groupBy(col(PATIENT))
                .agg(counts.getFirst(), counts.subList(1, counts.size()).toArray(Column[]::new));
    }

    private static Integer countExactly(Seq<Double> series) {
        double[] values = new double[series.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = series.apply(i);
        }
        return Anomalies.countExactly(values, 0, values.length);
    }

    /**
     * Writes {@code features} as one CSV file, {@code out/}{@value #OUTPUT_FILE}, in order of first appearance.
     * Spark writes into a folder through its output committer (nothing is left behind when a task fails); the one
     * part file is then renamed. The folder must not exist yet.
     */
    public static Path write(Dataset<Row> features, String out) throws IOException {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(out);
        FileSystem fs = folder.getFileSystem(features.sparkSession().sparkContext().hadoopConfiguration());
        if (fs.exists(folder)) {
            throw new IllegalArgumentException(out + " already exists: the features go into a new folder");
        }
        features.repartition(1).sortWithinPartitions(col(FIRST)).drop(FIRST)
                .write().option("header", true).option("escape", QUOTE).csv(out);
        FileStatus[] parts = fs.globStatus(new org.apache.hadoop.fs.Path(folder, "part-*.csv"));
        if (parts == null || parts.length != 1) {
            throw new IOException(out + ": expected one part file from Spark, found "
                    + (parts == null ? 0 : parts.length));
        }
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(folder, OUTPUT_FILE);
        if (!fs.rename(parts[0].getPath(), target)) {
            throw new IOException("cannot rename " + parts[0].getPath() + " to " + target);
        }
        return localPath(target.toString());
    }

    private static String name(Vital vital, String statistic) {
        return "_" + vital.column() + "_" + statistic;
    }

    /** A file Spark names by URI ({@code file:/data/x.csv}) as a path a user recognizes. */
    static Path localPath(String file) {
        URI uri = new org.apache.hadoop.fs.Path(file).toUri();
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            return Path.of(uri.getPath());
        }
        return Path.of(file);
    }
}
