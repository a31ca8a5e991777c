package fasterjava.corrset.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads a scores file into {@link Scores}: the articles' JSON array of {@code {"user", "question", "score"}}
 * objects (streamed with Jackson's parser, so the 259 MB file never sits in memory as text) or CSV with the
 * header {@code user,question,score}. The format follows the extension ({@code .json}/{@code .csv}), else the
 * first non-blank character ({@code [} means JSON). A JSON file of 16 MB or more is parsed in parts, one per core
 * (at most eight), cut between rows; any problem sends it back to one piece, so errors read the same either way.
 *
 * <p>Every problem is reported as one {@link BadInputException} naming file, row and field.
 */
public final class ScoresLoader {
    static final String USER = "user";
    static final String QUESTION = "question";
    static final String SCORE = "score";
    /** Files of at least two parts this size are parsed a part per core (JSON only; CSV is read in one piece). */
    private static final long MIN_PART_BYTES = 8L << 20;
    private static final int MAX_PARTS = 8;
    /** How far past a part's nominal start the loader looks for a row boundary. */
    private static final int CUT_SEARCH_BYTES = 1 << 16;
    private static final List<String> CSV_HEADER = List.of(USER, QUESTION, SCORE);

    private ScoresLoader() {
    }

    public static Scores load(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file, null, null,
                        Files.exists(file) ? "not a regular file" : "no such file");
            }
            if (Files.size(file) == 0) {
                throw new BadInputException(file, null, null, "the file is empty");
            }
            return isJson(file) ? loadJson(file) : loadCsv(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, null, "no such file");
        } catch (IOException e) {
            throw new BadInputException(file, null, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean isJson(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".csv")) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '[';
        }
    }

    // ---- JSON ----------------------------------------------------------------------------------------------

    private static Scores loadJson(Path file) throws IOException {
        long parts = Math.min(Runtime.getRuntime().availableProcessors(), Files.size(file) / MIN_PART_BYTES);
        return loadJson(file, (int) Math.min(parts, MAX_PARTS));
    }

    /** The JSON file in {@code parts} parts at once when it can be cut so, else in one piece. */
    static Scores loadJson(Path file, int parts) throws IOException {
        if (parts >= 2) {
            Scores scores = loadJsonInParts(file, parts);
            if (scores != null) {
                return scores;
            }
        }
        return loadJsonInOne(file);
    }

    /**
     * Parses {@code parts} byte ranges of the file at once, cut where one row object ends and the next begins, then
     * joins their rows in file order. Null if no cut was found or any part is not clean (a bad row, a cut that was
     * not a row boundary after all): the caller then parses the file in one piece, which reports the first problem
     * with its row, line and column.
     */
    static Scores loadJsonInParts(Path file, int parts) throws IOException {
        long size = Files.size(file);
        long[] cuts = new long[parts + 1];
        cuts[parts] = size;
        for (int i = 1; i < parts; i++) {
            cuts[i] = rowStartAfter(file, Math.max(cuts[i - 1] + 1, size * i / parts));
            if (cuts[i] < 0) {
                return null;
            }
        }
        ScoresBuilder[] builders = new ScoresBuilder[parts];
        boolean[] clean = new boolean[parts];
        Thread[] threads = new Thread[parts];
        for (int i = 0; i < parts; i++) {
            int part = i;
            builders[i] = new ScoresBuilder(file, row -> "row " + (row + 1));
            threads[i] = Thread.ofPlatform().name("scores-loader-" + i).start(() ->
                    clean[part] = parsePart(file, cuts[part], part + 1 < parts ? cuts[part + 1] : -1,
                            builders[part]));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while loading", e);
            }
        }
        for (boolean ok : clean) {
            if (!ok) {
                return null;
            }
        }
        for (int i = 1; i < parts; i++) {
            builders[0].append(builders[i]);
        }
        return builders[0].build();
    }

    /**
     * Where the first row object after byte {@code from} starts: a '{' after a '}' and a ',' (blanks allowed
     * between them), searched for within {@link #CUT_SEARCH_BYTES}; -1 if there is none. The three may lie inside
     * a string; {@link #parsePart} finds that out.
     */
    private static long rowStartAfter(Path file, long from) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer buffer = ByteBuffer.allocate(CUT_SEARCH_BYTES);
            channel.read(buffer, from);
            int state = 0;
            for (int i = 0; i < buffer.position(); i++) {
                byte c = buffer.get(i);
                if (c == '}') {
                    state = 1;
                } else if (state == 1 && c == ',') {
                    state = 2;
                } else if (state == 2 && c == '{') {
                    return from + i;
                } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    state = 0;
                }
            }
            return -1;
        }
    }

    /**
     * Parses the rows from byte {@code start} (the file's start, or a row's '{') up to the row that starts at the
     * cut {@code end} (or the file's end when -1), read as one JSON array. True if every row was clean and a row
     * starts exactly at the cut.
     */
    private static boolean parsePart(Path file, long start, long end, ScoresBuilder builder) {
        JsonFactory factory = JsonFactory.builder().build();
        try (FileChannel channel = FileChannel.open(file);
                InputStream in = start == 0 ? Channels.newInputStream(channel)
                        : new SequenceInputStream(new ByteArrayInputStream(new byte[] {'['}),
                                Channels.newInputStream(channel.position(start)));
                JsonParser parser = factory.createParser(in)) {
            // Offsets the parser reports are into the stream, which starts with a '[' of its own after a cut.
            long shift = start == 0 ? 0 : start - 1;
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return false;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                if (end >= 0) {
                    // The parser has read the ',' before this row: a row starting at the cut ends the part cleanly.
                    long at = parser.currentTokenLocation().getByteOffset() + shift;
                    if (at >= end) {
                        return at == end && builder.rows() > 0;
                    }
                }
                readJsonRow(file, parser, builder, builder.rows());
            }
            return end < 0 && token == JsonToken.END_ARRAY && parser.nextToken() == null && builder.rows() > 0;
        } catch (IOException | RuntimeException e) {
            // Bad input included: the whole file is parsed again in one piece, which reports it exactly.
            return false;
        }
    }

    private static Scores loadJsonInOne(Path file) throws IOException {
        ScoresBuilder builder = new ScoresBuilder(file, row -> "row " + (row + 1));
        JsonFactory factory = JsonFactory.builder().build();
        try (JsonParser parser = factory.createParser(file.toFile())) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_ARRAY) {
                throw new BadInputException(file, where(parser, 0), null,
                        "expected a JSON array of {\"user\", \"question\", \"score\"} objects, found "
                                + describe(token));
            }
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                int row = builder.rows();
                if (token != JsonToken.START_OBJECT) {
                    throw new BadInputException(file, where(parser, row), null,
                            "expected an object {\"user\", \"question\", \"score\"}, found " + describe(token));
                }
                readJsonRow(file, parser, builder, row);
            }
            token = parser.nextToken();
            if (token != null) {
                throw new BadInputException(file, where(parser, builder.rows()), null,
                        "unexpected " + describe(token) + " after the closing ']'");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String location = "row " + (builder.rows() + 1)
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
            throw new BadInputException(file, location, null, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        return builder.build();
    }

    private static void readJsonRow(Path file, JsonParser parser, ScoresBuilder builder, int row)
            throws IOException {
        String user = null;
        String question = null;
        int score = -1;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case USER -> {
                    if (user != null) {
                        throw duplicateField(file, parser, row, field);
                    }
                    user = jsonId(file, parser, row, field, value);
                }
                case QUESTION -> {
                    if (question != null) {
                        throw duplicateField(file, parser, row, field);
                    }
                    question = jsonId(file, parser, row, field, value);
                }
                case SCORE -> {
                    if (score >= 0) {
                        throw duplicateField(file, parser, row, field);
                    }
                    score = jsonScore(file, parser, row, value);
                }
                default -> throw new BadInputException(file, where(parser, row), field,
                        "unexpected field (expected only \"user\", \"question\" and \"score\")");
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new BadInputException(file, where(parser, row), null, "expected a field name or '}', found "
                    + describe(token));
        }
        String missing = user == null ? USER : question == null ? QUESTION : score < 0 ? SCORE : null;
        if (missing != null) {
            throw new BadInputException(file, where(parser, row), missing, "missing");
        }
        builder.add(user, question, score);
    }

    private static String jsonId(Path file, JsonParser parser, int row, String field, JsonToken value)
            throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new BadInputException(file, where(parser, row), field, "expected a string id, found "
                    + describe(value));
        }
        String id = parser.getText();
        if (id.isEmpty()) {
            throw new BadInputException(file, where(parser, row), field, "empty id");
        }
        return id;
    }

    private static int jsonScore(Path file, JsonParser parser, int row, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() != JsonParser.NumberType.INT) {
                throw new BadInputException(file, where(parser, row), SCORE, "score " + parser.getText()
                        + " is too large (at most " + Integer.MAX_VALUE + ")");
            }
            int score = parser.getIntValue();
            if (score < 0) {
                throw new BadInputException(file, where(parser, row), SCORE, "negative score " + score);
            }
            return score;
        }
        if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            throw new BadInputException(file, where(parser, row), SCORE, "expected a non-negative integer, found "
                    + parser.getText());
        }
        throw new BadInputException(file, where(parser, row), SCORE, "expected a non-negative integer, found "
                + describe(value));
    }

    private static BadInputException duplicateField(Path file, JsonParser parser, int row, String field) {
        return new BadInputException(file, where(parser, row), field, "field given twice in one object");
    }

    private static String where(JsonParser parser, int row) {
        JsonLocation at = parser.currentTokenLocation();
        return "row " + (row + 1) + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case END_ARRAY -> "']'";
            case END_OBJECT -> "'}'";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    // ---- CSV -----------------------------------------------------------------------------------------------

    private static Scores loadCsv(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new BufferedReader(
                new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            CsvRecords records = new CsvRecords(file, reader);
            List<String> header = records.next();
            if (header == null) {
                throw new BadInputException(file, null, null, "the file is empty");
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            if (!header.equals(CSV_HEADER)) {
                throw new BadInputException(file, "line 1", null,
                        "expected the header user,question,score, found " + String.join(",", header));
            }
            ScoresBuilder builder = new ScoresBuilder(file, row -> "row " + (row + 1));
            List<String> fields;
            while ((fields = records.next()) != null) {
                int row = builder.rows();
                String location = "row " + (row + 1) + " (line " + records.recordLine() + ")";
                if (fields.size() != CSV_HEADER.size()) {
                    String field = fields.size() < CSV_HEADER.size() ? CSV_HEADER.get(fields.size()) : null;
                    throw new BadInputException(file, location, field, "expected 3 fields (user,question,score),"
                            + " found " + fields.size());
                }
                builder.add(csvId(file, location, USER, fields.get(0)), csvId(file, location, QUESTION,
                        fields.get(1)), csvScore(file, location, fields.get(2)));
            }
            return builder.build();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, null, null, "not valid UTF-8 text", e);
        }
    }

    private static String csvId(Path file, String location, String field, String id) {
        if (id.isEmpty()) {
            throw new BadInputException(file, location, field, "missing (empty)");
        }
        return id;
    }

    private static int csvScore(Path file, String location, String text) {
        if (text.isEmpty()) {
            throw new BadInputException(file, location, SCORE, "missing (empty)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                String problem = text.charAt(0) == '-' && text.length() > 1 && isDigits(text.substring(1))
                        ? "negative score " + text : "expected a non-negative integer, found \"" + text + "\"";
                throw new BadInputException(file, location, SCORE, problem);
            }
        }
        BigInteger value = new BigInteger(text);
        if (value.bitLength() > 31) {
            throw new BadInputException(file, location, SCORE, "score " + text + " is too large (at most "
                    + Integer.MAX_VALUE + ")");
        }
        return value.intValue();
    }

    private static boolean isDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** RFC 4180 records: comma-separated, optional double quotes ({@code ""} escapes one), CRLF or LF ends. */
    private static final class CsvRecords {
        private final Path file;
        private final Reader reader;
        private int line = 1;
        private int recordLine;
        private int pending = -2;

        CsvRecords(Path file, Reader reader) {
            this.file = file;
            this.reader = reader;
        }

        /** The line on which the last record returned by {@link #next()} started. */
        int recordLine() {
            return recordLine;
        }

        /** The next record's fields, or null at the end of the file. A final empty line is not a record. */
        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>(3);
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new BadInputException(file, "line " + recordLine, null,
                                "malformed CSV: a quoted field is not closed before the end of the file");
                    }
                    if (c == '"') {
                        int after = read();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = after;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == ',' ) {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == -1) {
                    if (c == '\n') {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else if (c == '"') {
                    if (!field.isEmpty() || wasQuoted) {
                        throw new BadInputException(file, "line " + line, fieldName(fields.size()),
                                "malformed CSV: a quote inside an unquoted field");
                    }
                    quoted = true;
                    wasQuoted = true;
                } else {
                    if (wasQuoted) {
                        throw new BadInputException(file, "line " + line, fieldName(fields.size()),
                                "malformed CSV: text after a closing quote");
                    }
                    field.append((char) c);
                }
                c = read();
            }
        }

        private static String fieldName(int index) {
            return index < CSV_HEADER.size() ? CSV_HEADER.get(index) : null;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return reader.read();
        }

        private void unread(int c) {
            pending = c;
        }
    }
}
