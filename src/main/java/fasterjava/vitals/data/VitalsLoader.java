package fasterjava.vitals.data;

import fasterjava.corrset.data.BadInputException;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads a vitals CSV file ({@code vitals-spec.md} §1–2) into a {@link VitalsTable}: the header
 * {@code patient_id,day,heart_rate,systolic_bp,diastolic_bp,temperature,oxygen_sat,respiratory_rate}, then one row
 * per (patient, day) in any order. Patient ids are any non-empty text (numbered in order of first appearance), days
 * non-negative whole numbers unique per patient, vitals decimal numbers or empty (missing). Fields may be quoted
 * (RFC 4180); lines end with LF or CRLF; blank lines are skipped.
 *
 * <p>Hand-written rather than a CSV library because the 20,000-patient file (7.3 million rows, 270 MB) should load
 * in a few seconds: it reads bytes in large blocks, parses numbers without making strings (a decimal with at most
 * 15 digits is its digits divided by a power of ten: two exact doubles, one correctly rounded division — the same
 * double {@link Double#parseDouble} gives), and recognises a patient id equal to the previous row's by comparing
 * bytes.
 *
 * <p>Every problem stops the load with one {@link BadInputException} naming the file, the line and the field.
 */
public final class VitalsLoader {
    private static final List<String> HEADER = Vital.INPUT_HEADER;
    private static final int FIELDS = HEADER.size();
    private static final String PATIENT_ID = HEADER.get(0);
    private static final String DAY = HEADER.get(1);
    private static final int VITALS = Vital.values().length;
    private static final int BLOCK = 1 << 20;
    /** Days below this are tracked in a per-patient bitset; larger ones (rare) in a hash map. */
    private static final int DENSE_DAYS = 1 << 12;
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private VitalsLoader() {
    }

    /** The generator's data as a table (patient-major, ids {@code "0"..}); the value arrays are used, not copied. */
    public static VitalsTable table(GeneratedVitals data) {
        String source = String.format(java.util.Locale.ROOT, "generated: %,d patients x %d days, seed %d",
                data.patients(), data.days(), data.seed());
        return VitalsTable.patientMajor(source, data.patients(), data.days(), data.values());
    }

    public static VitalsTable load(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file, null, null,
                        Files.exists(file) ? "not a regular file" : "no such file");
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new BadInputException(file, null, null, "the file is empty");
            }
            int capacity = rowBound(file);
            try (InputStream in = Files.newInputStream(file)) {
                return new Parser(file, in, capacity).parse();
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, null, "no such file");
        } catch (IOException e) {
            throw new BadInputException(file, null, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * An upper bound on the data rows: the lines after the header. Counting them first lets the columns be
     * allocated once at their final size, which matters: filling fresh memory is a good part of loading a large
     * file.
     */
    private static int rowBound(Path file) throws IOException {
        long lines = 0;
        byte last = '\n';
        byte[] block = new byte[BLOCK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(block)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (block[i] == '\n') {
                        lines++;
                    }
                }
                last = block[read - 1];
            }
        }
        if (last != '\n') {
            lines++;
        }
        return (int) Math.clamp(lines - 1, 1, Integer.MAX_VALUE - 8);
    }

    /** One pass over the file: records are parsed straight out of a large byte buffer. */
    private static final class Parser {
        private static final int END = -1;
        private static final int MORE = 0;
        private static final int RECORD = 1;

        private final Path file;
        private final InputStream in;
        private byte[] buffer = new byte[BLOCK];
        private int position;
        private int limit;
        private boolean endOfInput;
        private boolean atFileStart = true;

        /** The line the current record starts on, and the line after it. */
        private long recordLine;
        private long nextLine = 1;

        private int fieldCount;
        private final int[] fieldStart = new int[FIELDS];
        private final int[] fieldEnd = new int[FIELDS];
        /** A quoted field's decoded text; null for an unquoted field (read from the buffer). */
        private final String[] quoted = new String[FIELDS];

        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> patientIndex = new HashMap<>();
        private byte[] lastId = new byte[0];
        private int lastPatient = -1;

        private int rows;
        private int[] patients;
        private int[] days;
        private final double[][] values = new double[VITALS][];
        /** Per patient, the days seen below {@link #DENSE_DAYS}, one bit each. */
        private long[][] daysSeen = new long[16][];
        /** (patient, day) to row, for days at or above {@link #DENSE_DAYS}. */
        private final Map<Long, Integer> sparseDays = new HashMap<>();
        /** Rows where the line number stops being row + 2 (blank lines, line breaks inside quotes), with lines. */
        private final List<long[]> lineShifts = new ArrayList<>();

        Parser(Path file, InputStream in, int capacity) {
            this.file = file;
            this.in = in;
            patients = new int[capacity];
            days = new int[capacity];
            for (int v = 0; v < VITALS; v++) {
                values[v] = new double[capacity];
            }
        }

        VitalsTable parse() throws IOException {
            if (!nextRecord()) {
                throw new BadInputException(file, null, null, "the file is empty");
            }
            checkHeader();
            while (nextRecord()) {
                addRow();
            }
            if (rows == 0) {
                throw new BadInputException(file, null, null, "no data rows (only the header)");
            }
            double[][] columns = new double[VITALS][];
            for (int v = 0; v < VITALS; v++) {
                columns[v] = trim(values[v]);
                values[v] = null;
            }
            return new VitalsTable(file.toString(), List.copyOf(ids), trim(patients), trim(days), columns);
        }

        private void checkHeader() {
            List<String> header = new ArrayList<>();
            for (int i = 0; i < Math.min(fieldCount, FIELDS); i++) {
                header.add(text(i));
            }
            if (fieldCount != FIELDS || !header.equals(HEADER)) {
                String found = fieldCount > FIELDS ? String.join(",", header) + ",..." : String.join(",", header);
                throw new BadInputException(file, "line " + recordLine, null, "expected the header "
                        + String.join(",", HEADER) + ", found " + found);
            }
        }

        private void addRow() {
            if (fieldCount != FIELDS) {
                String field = fieldCount < FIELDS ? HEADER.get(fieldCount) : null;
                throw new BadInputException(file, where(), field, "expected " + FIELDS + " fields ("
                        + String.join(",", HEADER) + "), found " + fieldCount);
            }
            if (rows == patients.length) {
                grow();
            }
            if (recordLine != rows + 2 && (lineShifts.isEmpty()
                    || recordLine - rows != lineShifts.getLast()[1] - lineShifts.getLast()[0])) {
                lineShifts.add(new long[] {rows, recordLine});
            }
            int patient = patient();
            int day = day();
            markDay(patient, day);
            patients[rows] = patient;
            days[rows] = day;
            for (int v = 0; v < VITALS; v++) {
                values[v][rows] = value(v + 2);
            }
            rows++;
        }

        /** The array cut to the rows read; usually it is already that long (blank lines leave spare room). */
        private double[] trim(double[] column) {
            return column.length == rows ? column : Arrays.copyOf(column, rows);
        }

        private int[] trim(int[] column) {
            return column.length == rows ? column : Arrays.copyOf(column, rows);
        }

        private void grow() {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, patients.length + (patients.length >> 1) + 16);
            if (capacity == patients.length) {
                throw new BadInputException(file, where(), null, "too many rows for one table");
            }
            patients = Arrays.copyOf(patients, capacity);
            days = Arrays.copyOf(days, capacity);
            for (int v = 0; v < VITALS; v++) {
                values[v] = Arrays.copyOf(values[v], capacity);
            }
        }

        // ---- fields ------------------------------------------------------------------------------------------

        /** Where the current record is, for an error message. */
        private String where() {
            return "line " + recordLine;
        }

        private int patient() {
            if (quoted[0] == null) {
                int start = fieldStart[0];
                int length = fieldEnd[0] - start;
                if (length == lastId.length && lastPatient >= 0
                        && Arrays.equals(buffer, start, start + length, lastId, 0, length)) {
                    return lastPatient;
                }
                lastId = Arrays.copyOfRange(buffer, start, start + length);
            } else {
                lastId = new byte[0];
            }
            String id = text(0);
            if (id.isEmpty()) {
                throw new BadInputException(file, where(), PATIENT_ID, "missing (empty)");
            }
            Integer known = patientIndex.get(id);
            if (known == null) {
                known = ids.size();
                ids.add(id);
                patientIndex.put(id, known);
            }
            lastPatient = quoted[0] == null ? known : -1;
            return known;
        }

        private int day() {
            String text = null;
            int start = fieldStart[1];
            int end = fieldEnd[1];
            if (quoted[1] != null) {
                text = quoted[1];
            }
            int length = text != null ? text.length() : end - start;
            if (length == 0) {
                throw new BadInputException(file, where(), DAY, "missing (empty)");
            }
            long day = 0;
            for (int i = 0; i < length; i++) {
                int c = text != null ? text.charAt(i) : buffer[start + i];
                if (c < '0' || c > '9') {
                    throw new BadInputException(file, where(), DAY, dayProblem(text(1)));
                }
                day = day * 10 + (c - '0');
                if (day > Integer.MAX_VALUE) {
                    throw new BadInputException(file, where(), DAY, "day " + text(1) + " is too large (at most "
                            + Integer.MAX_VALUE + ")");
                }
            }
            return (int) day;
        }

        private static String dayProblem(String text) {
            if (DECIMAL.matcher(text).matches()) {
                if (text.startsWith("-")) {
                    return "negative day " + text;
                }
                if (text.contains(".") || text.contains("e") || text.contains("E")) {
                    return "day " + text + " is not a whole number";
                }
            }
            return "expected a non-negative whole number, found \"" + text + "\"";
        }

        private void markDay(int patient, int day) {
            if (day < DENSE_DAYS) {
                if (patient >= daysSeen.length) {
                    daysSeen = Arrays.copyOf(daysSeen, Math.max(patient + 1, daysSeen.length * 2));
                }
                long[] seen = daysSeen[patient];
                int word = day >>> 6;
                if (seen == null || seen.length <= word) {
                    seen = seen == null ? new long[word + 1] : Arrays.copyOf(seen, Math.max(word + 1,
                            seen.length * 2));
                    daysSeen[patient] = seen;
                }
                // A long shift uses the low 6 bits of its count: this is bit day % 64.
                if ((seen[word] & 1L << day) != 0) {
                    throw duplicate(patient, day, earlierRow(patient, day));
                }
                seen[word] |= 1L << day;
            } else {
                Integer earlier = sparseDays.putIfAbsent((long) patient << 32 | day, rows);
                if (earlier != null) {
                    throw duplicate(patient, day, earlier);
                }
            }
        }

        private int earlierRow(int patient, int day) {
            for (int row = 0; row < rows; row++) {
                if (patients[row] == patient && days[row] == day) {
                    return row;
                }
            }
            throw new IllegalStateException("day " + day + " marked as seen but not found");
        }

        private BadInputException duplicate(int patient, int day, int earlierRow) {
            return new BadInputException(file, where(), DAY, "patient \"" + ids.get(patient) + "\" already has day "
                    + day + " (line " + lineOf(earlierRow) + ")");
        }

        private long lineOf(int row) {
            long line = row + 2;
            for (long[] shift : lineShifts) {
                if (shift[0] <= row) {
                    line = row + shift[1] - shift[0];
                }
            }
            return line;
        }

        private double value(int index) {
            if (quoted[index] != null) {
                return slowValue(quoted[index], index);
            }
            int start = fieldStart[index];
            int end = fieldEnd[index];
            if (start == end) {
                return Double.NaN;
            }
            int i = start;
            boolean negative = buffer[i] == '-';
            if (negative || buffer[i] == '+') {
                i++;
            }
            long mantissa = 0;
            int decimals = 0;
            boolean point = false;
            boolean digits = false;
            for (; i < end; i++) {
                int c = buffer[i];
                if (c >= '0' && c <= '9') {
                    mantissa = mantissa * 10 + (c - '0');
                    digits = true;
                    if (point) {
                        decimals++;
                    }
                    if (mantissa > MAX_EXACT_MANTISSA || decimals >= POWERS_OF_TEN.length) {
                        return slowValue(text(index), index);
                    }
                } else if (c == '.' && !point) {
                    point = true;
                } else {
                    return slowValue(text(index), index);
                }
            }
            if (!digits) {
                return slowValue(text(index), index);
            }
            // Both operands are exact doubles, so the one rounding of the division gives the nearest double.
            double value = mantissa / POWERS_OF_TEN[decimals];
            return negative ? -value : value;
        }

        private double slowValue(String text, int index) {
            if (text.isEmpty()) {
                return Double.NaN;
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new BadInputException(file, where(), HEADER.get(index),
                        "expected a number or an empty field, found \"" + text + "\"");
            }
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw new BadInputException(file, where(), HEADER.get(index), text + " is out of range");
            }
            return value;
        }

        private String text(int index) {
            if (quoted[index] != null) {
                return quoted[index];
            }
            return decode(fieldStart[index], fieldEnd[index], recordLine);
        }

        private String decode(int start, int end, long line) {
            for (int i = start; i < end; i++) {
                if (buffer[i] < 0) {
                    try {
                        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(buffer, start, end - start)).toString();
                    } catch (CharacterCodingException e) {
                        throw new BadInputException(file, "line " + line, null, "not valid UTF-8 text");
                    }
                }
            }
            return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
        }

        // ---- records -----------------------------------------------------------------------------------------

        /** Reads the next non-blank record into the field arrays; false at the end of the file. */
        private boolean nextRecord() throws IOException {
            while (true) {
                int result = parseRecord();
                if (result == MORE) {
                    fill();
                } else if (result == END) {
                    return false;
                } else if (fieldCount != 1 || quoted[0] != null || fieldEnd[0] != fieldStart[0]) {
                    return true;
                }
            }
        }

        /** Moves the unparsed bytes to the front and reads more; grows the buffer for a record longer than it. */
        private void fill() throws IOException {
            if (position == 0 && limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            } else {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfInput = true;
            } else {
                limit += read;
            }
            if (atFileStart && limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB
                    && buffer[2] == (byte) 0xBF) {
                position = 3;
            }
            if (limit >= 3 || endOfInput) {
                atFileStart = false;
            }
        }

        /**
         * Parses one record starting at {@link #position}: {@link #RECORD} (fields set, position past the line
         * end), {@link #MORE} (the buffer ends inside the record: nothing consumed) or {@link #END}.
         */
        private int parseRecord() {
            int p = position;
            if (atFileStart && !endOfInput) {
                return MORE;
            }
            if (p >= limit) {
                return endOfInput ? END : MORE;
            }
            fieldCount = 0;
            long lineBreaks = 0;
            while (true) {
                int start = p;
                String text = null;
                if (p < limit && buffer[p] == '"') {
                    StringBuilder field = new StringBuilder();
                    int runStart = ++p;
                    while (true) {
                        if (p >= limit) {
                            if (!endOfInput) {
                                return MORE;
                            }
                            throw new BadInputException(file, "line " + nextLine, fieldName(fieldCount),
                                    "malformed CSV: a quoted field is not closed before the end of the file");
                        }
                        byte b = buffer[p];
                        if (b == '"') {
                            if (p + 1 >= limit && !endOfInput) {
                                return MORE;
                            }
                            field.append(decode(runStart, p, nextLine + lineBreaks));
                            if (p + 1 < limit && buffer[p + 1] == '"') {
                                field.append('"');
                                p += 2;
                                runStart = p;
                                continue;
                            }
                            p++;
                            break;
                        }
                        if (b == '\n') {
                            lineBreaks++;
                        }
                        p++;
                    }
                    text = field.toString();
                    if (p < limit && buffer[p] != ',' && buffer[p] != '\n' && buffer[p] != '\r') {
                        throw new BadInputException(file, "line " + (nextLine + lineBreaks), fieldName(fieldCount),
                                "malformed CSV: text after a closing quote");
                    }
                } else {
                    while (p < limit) {
                        byte b = buffer[p];
                        if (b == ',' || b == '\n' || b == '\r') {
                            break;
                        }
                        if (b == '"') {
                            throw new BadInputException(file, "line " + (nextLine + lineBreaks),
                                    fieldName(fieldCount), "malformed CSV: a quote inside an unquoted field");
                        }
                        p++;
                    }
                    if (p >= limit && !endOfInput) {
                        return MORE;
                    }
                }
                if (fieldCount < FIELDS) {
                    fieldStart[fieldCount] = start;
                    fieldEnd[fieldCount] = p;
                    quoted[fieldCount] = text;
                }
                fieldCount++;
                if (p >= limit) {
                    break;
                }
                byte b = buffer[p];
                if (b == ',') {
                    p++;
                    continue;
                }
                if (b == '\r') {
                    if (p + 1 >= limit && !endOfInput) {
                        return MORE;
                    }
                    p++;
                    if (p < limit && buffer[p] == '\n') {
                        p++;
                    }
                } else {
                    p++;
                }
                break;
            }
            position = p;
            recordLine = nextLine;
            nextLine += 1 + lineBreaks;
            return RECORD;
        }

        private static String fieldName(int index) {
            return index < FIELDS ? HEADER.get(index) : null;
        }
    }
}
