package fasterjava.corrset.search;

import fasterjava.corrset.Correlation;
import fasterjava.corrset.data.Scores;
import fasterjava.util.AtomicFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a search has finished, saved so a killed run can go on where it stopped: which work units (question
 * prefixes) are done, the sets they kept and their counters. A plain text file, written with {@link AtomicFile}
 * (a temporary sibling renamed over the old one), so a kill at any moment leaves either the previous checkpoint or
 * the new one.
 *
 * <p>It records the request (K, minimum users, top), whether the search stops early, the engine's unit layout and
 * a fingerprint of the data; a checkpoint that disagrees on any of them is refused, because resuming it would
 * silently mix two different searches (an early-stopping run marks a unit done after examining only part of it).
 * Every field is validated like a data file's: an edited or damaged checkpoint is refused with its line and field
 * rather than trusted, since a wrong set or count in it would become a wrong answer.
 *
 * @param engine the engine that wrote it, e.g. {@code prefix-tree}
 * @param fingerprint {@link #fingerprint(Scores)} of the data searched
 * @param exhaustive true if the search examined every set (no early stop)
 * @param units how many work units the engine cut the search into
 * @param done which units are finished
 * @param kept the finished units' best sets (the merged top list)
 */
public record Checkpoint(String engine, String fingerprint, int k, int minUsers, int top, boolean exhaustive,
        int units, BitSet done, long combinations, long undefined, List<ScoredSet> kept) {
    private static final String MAGIC_PREFIX = "faster-java k-corrset checkpoint";
    private static final String MAGIC = MAGIC_PREFIX + " v2";
    private static final String SET = "set";
    private static final List<String> FIELDS = List.of("engine", "fingerprint", "k", "min-users", "top",
            "exhaustive", "units", "done", "combinations", "undefined");
    private static final int FINGERPRINT_HEX_DIGITS = 64;

    public Checkpoint {
        done = (BitSet) done.clone();
        kept = List.copyOf(kept);
    }

    @Override
    public BitSet done() {
        return (BitSet) done.clone();
    }

    /** What the run about to resume expects of a checkpoint: its data, request, mode and unit layout. */
    public record Expected(String engine, String fingerprint, SearchRequest request, boolean exhaustive,
            long[] unitSizes) {
    }

    /**
     * SHA-256 over the indexed data: question ids in index order, and per question its users and scores. Two
     * files that index to the same data (whatever their names or row order) share it; any changed score does not.
     */
    public static String fingerprint(Scores scores) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            buffer.putInt(scores.questionCount()).putInt(scores.userCount());
            for (int q = 0; q < scores.questionCount(); q++) {
                byte[] id = scores.questionId(q).getBytes(StandardCharsets.UTF_8);
                flushIfFull(digest, buffer, 8);
                buffer.putInt(id.length).putInt(scores.answeredBy(q).length);
                digest.update(buffer.flip());
                buffer.clear();
                digest.update(id);
                int[] users = scores.answeredBy(q);
                int[] values = scores.answerScores(q);
                for (int i = 0; i < users.length; i++) {
                    flushIfFull(digest, buffer, 8);
                    buffer.putInt(users[i]).putInt(values[i]);
                }
            }
            digest.update(buffer.flip());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static void flushIfFull(MessageDigest digest, ByteBuffer buffer, int needed) {
        if (buffer.remaining() < needed) {
            digest.update(buffer.flip());
            buffer.clear();
        }
    }

    /** Writes this checkpoint to {@code file} atomically; a failure names the file and the reason. */
    public void write(Path file) {
        StringBuilder text = new StringBuilder();
        text.append(MAGIC).append('\n');
        text.append("engine=").append(engine).append('\n');
        text.append("fingerprint=").append(fingerprint).append('\n');
        text.append("k=").append(k).append('\n');
        text.append("min-users=").append(minUsers).append('\n');
        text.append("top=").append(top).append('\n');
        text.append("exhaustive=").append(exhaustive).append('\n');
        text.append("units=").append(units).append('\n');
        text.append("done=").append(ranges(done)).append('\n');
        text.append("combinations=").append(combinations).append('\n');
        text.append("undefined=").append(undefined).append('\n');
        for (ScoredSet set : kept) {
            StringBuilder indices = new StringBuilder();
            for (int index : set.indices()) {
                indices.append(indices.isEmpty() ? "" : ",").append(index);
            }
            text.append(SET).append('=').append(indices).append(' ').append(set.n()).append(' ').append(set.num())
                    .append(' ').append(set.da()).append(' ').append(set.db()).append('\n');
        }
        try {
            AtomicFile.writeText(file, text.toString());
        } catch (IOException e) {
            throw new CheckpointException("cannot save checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code file} for a run that expects {@code expected}: empty if it does not exist (a fresh run). A
     * checkpoint of another search, or one with any field out of place, is refused with a
     * {@link CheckpointException} naming the file, the line and the field.
     */
    public static Optional<Checkpoint> read(Path file, Expected expected) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + AtomicFile.reason(e), e);
        }
        return Optional.of(new Reader(file, lines, expected).read());
    }

    /** One pass over a checkpoint's lines: syntax, then agreement with the run, then every value's range. */
    private static final class Reader {
        private final Path file;
        private final List<String> lines;
        private final Expected expected;
        /** Field name to its 1-based line number (the value is {@code lines.get(line - 1)} after the '='). */
        private final Map<String, Integer> fieldLines = new LinkedHashMap<>();
        private final List<Integer> setLines = new ArrayList<>();

        Reader(Path file, List<String> lines, Expected expected) {
            this.file = file;
            this.lines = lines;
            this.expected = expected;
        }

        Checkpoint read() {
            if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
                String found = lines.isEmpty() ? "" : lines.get(0);
                String problem = found.startsWith(MAGIC_PREFIX)
                        ? "was written by another version of faster-java (\"" + found + "\", this one reads \""
                                + MAGIC + "\")"
                        : "is not a k-corrset checkpoint (its first line should be \"" + MAGIC + "\")";
                throw new CheckpointException("checkpoint " + file + " " + problem + ": delete it or choose another"
                        + " file to start over");
            }
            for (int line = 2; line <= lines.size(); line++) {
                String text = lines.get(line - 1);
                int equals = text.indexOf('=');
                if (equals < 0) {
                    throw damaged(line, null, "expected name=value, found \"" + text + "\"");
                }
                String key = text.substring(0, equals);
                if (key.equals(SET)) {
                    setLines.add(line);
                } else if (!FIELDS.contains(key)) {
                    throw damaged(line, key, "unknown field");
                } else if (fieldLines.containsKey(key)) {
                    throw damaged(line, key, "given twice (first on line " + fieldLines.get(key) + ")");
                } else {
                    fieldLines.put(key, line);
                }
            }
            for (String key : FIELDS) {
                if (!fieldLines.containsKey(key)) {
                    throw damaged(0, key, "missing");
                }
            }
            String engine = value("engine");
            String fingerprint = value("fingerprint");
            if (!fingerprint.matches("[0-9a-f]{" + FINGERPRINT_HEX_DIGITS + "}")) {
                throw damaged(fieldLines.get("fingerprint"), "fingerprint", "expected " + FINGERPRINT_HEX_DIGITS
                        + " hexadecimal digits, found \"" + fingerprint + "\"");
            }
            int k = (int) number("k", 1, Integer.MAX_VALUE);
            int minUsers = (int) number("min-users", SearchRequest.DEFAULT_MIN_USERS, Integer.MAX_VALUE);
            int top = (int) number("top", 1, Integer.MAX_VALUE);
            boolean exhaustive = bool("exhaustive");
            int units = (int) number("units", 1, Integer.MAX_VALUE);
            requireMatches(engine, fingerprint, k, minUsers, top, exhaustive, units);

            BitSet done = doneUnits(units);
            long combinations = number("combinations", 0, Long.MAX_VALUE);
            long undefined = number("undefined", 0, combinations);
            long doneSets = 0;
            for (int unit = done.nextSetBit(0); unit >= 0; unit = done.nextSetBit(unit + 1)) {
                doneSets += expected.unitSizes()[unit];
            }
            // Every finished unit examined all its sets, unless the search stopped early inside one.
            if (exhaustive ? combinations != doneSets : combinations > doneSets) {
                throw damaged(fieldLines.get("combinations"), "combinations", combinations + " sets examined, but"
                        + " the finished units hold " + doneSets);
            }
            List<ScoredSet> kept = keptSets(k, minUsers, top, combinations - undefined);
            return new Checkpoint(engine, fingerprint, k, minUsers, top, exhaustive, units, done, combinations,
                    undefined, kept);
        }

        private void requireMatches(String engine, String fingerprint, int k, int minUsers, int top,
                boolean exhaustive, int units) {
            SearchRequest request = expected.request();
            String problem = null;
            if (!engine.equals(expected.engine())) {
                problem = "was written by engine " + engine + ", this run uses " + expected.engine();
            } else if (!fingerprint.equals(expected.fingerprint())) {
                problem = "was written for different data (fingerprint " + abbreviate(fingerprint)
                        + ", this data has " + abbreviate(expected.fingerprint()) + ")";
            } else if (k != request.k()) {
                problem = "was written for K = " + k + ", this run asks K = " + request.k();
            } else if (minUsers != request.minUsers()) {
                problem = "was written for at least " + minUsers + " users per set, this run asks at least "
                        + request.minUsers();
            } else if (top != request.top()) {
                problem = "was written keeping the best " + top + " sets, this run keeps " + request.top();
            } else if (exhaustive != expected.exhaustive()) {
                problem = "was written by a search that " + mode(exhaustive) + ", this run " + mode(!exhaustive)
                        + " (a unit an early stop cut short would count as done)";
            } else if (units != expected.unitSizes().length) {
                problem = "splits the search into " + units + " units, this engine uses "
                        + expected.unitSizes().length;
            }
            if (problem != null) {
                throw new CheckpointException("checkpoint " + file + " " + problem
                        + ": delete it or choose another file to start over");
            }
        }

        private static String mode(boolean exhaustive) {
            return exhaustive ? "examines every set" : "stops early once r = 1 sets fill the top list";
        }

        /** {@code 0-41,43,45-99}: ascending, non-overlapping ranges of unit numbers below {@code units}. */
        private BitSet doneUnits(int units) {
            String text = value("done");
            int line = fieldLines.get("done");
            BitSet bits = new BitSet(units);
            if (text.isEmpty()) {
                return bits;
            }
            int next = 0;
            for (String range : text.split(",", -1)) {
                int dash = range.indexOf('-');
                int from = unit(line, dash < 0 ? range : range.substring(0, dash), units);
                int to = dash < 0 ? from : unit(line, range.substring(dash + 1), units);
                if (to < from) {
                    throw damaged(line, "done", "range " + range + " runs backwards");
                }
                if (from < next) {
                    throw damaged(line, "done", "range " + range + " is out of order or overlaps the one before");
                }
                bits.set(from, to + 1);
                next = to + 1;
            }
            return bits;
        }

        private int unit(int line, String text, int units) {
            long unit = parseLong(line, "done", text);
            if (unit < 0 || unit >= units) {
                throw damaged(line, "done", "unit " + text + " is not one of the " + units + " units (0.."
                        + (units - 1) + ")");
            }
            return (int) unit;
        }

        private List<ScoredSet> keptSets(int k, int minUsers, int top, long definedSets) {
            if (setLines.size() > Math.min(top, definedSets)) {
                int line = setLines.get((int) Math.min(top, definedSets));
                throw damaged(line, SET, setLines.size() + " sets kept, but the search keeps at most " + top
                        + " and has found " + definedSets + " with a defined r");
            }
            Scores scores = expected.request().scores();
            Map<String, Integer> seen = new HashMap<>();
            List<ScoredSet> kept = new ArrayList<>();
            for (int line : setLines) {
                String text = lines.get(line - 1).substring(SET.length() + 1);
                String[] parts = text.split(" ", -1);
                if (parts.length != 5) {
                    throw damaged(line, SET, "expected 'indices n num da db', found \"" + text + "\"");
                }
                String[] indexTexts = parts[0].split(",", -1);
                if (indexTexts.length != k) {
                    throw damaged(line, SET, indexTexts.length + " question indices in a checkpoint for K = " + k);
                }
                int[] indices = new int[k];
                for (int i = 0; i < k; i++) {
                    long index = parseLong(line, SET, indexTexts[i]);
                    if (index < 0 || index >= scores.questionCount()) {
                        throw damaged(line, SET, "question index " + indexTexts[i] + " is not one of the data's "
                                + scores.questionCount() + " questions (0.." + (scores.questionCount() - 1) + ")");
                    }
                    if (i > 0 && index <= indices[i - 1]) {
                        throw damaged(line, SET, "question indices " + parts[0] + " are not strictly ascending");
                    }
                    indices[i] = (int) index;
                }
                Integer earlier = seen.put(parts[0], line);
                if (earlier != null) {
                    throw damaged(line, SET, "set " + parts[0] + " already kept on line " + earlier);
                }
                long n = parseLong(line, SET, parts[1]);
                if (n < minUsers || n > scores.userCount()) {
                    throw damaged(line, SET, "n = " + parts[1] + " users is outside " + minUsers + ".."
                            + scores.userCount() + " (the minimum per set .. the data's users)");
                }
                long num = parseLong(line, SET, parts[2]);
                long da = parseLong(line, SET, parts[3]);
                long db = parseLong(line, SET, parts[4]);
                if (da <= 0 || db <= 0) {
                    throw damaged(line, SET, "da and db must be positive for a defined r, found " + da + " and "
                            + db);
                }
                BigInteger numSquared = BigInteger.valueOf(num).pow(2);
                if (numSquared.compareTo(BigInteger.valueOf(da).multiply(BigInteger.valueOf(db))) > 0) {
                    throw damaged(line, SET, "num² exceeds da·db, so |r| would exceed 1");
                }
                kept.add(new ScoredSet(indices, Correlation.r(n, num, da, db), (int) n, num, da, db));
            }
            return kept;
        }

        private String value(String key) {
            String text = lines.get(fieldLines.get(key) - 1);
            return text.substring(text.indexOf('=') + 1);
        }

        private long number(String key, long min, long max) {
            int line = fieldLines.get(key);
            String text = value(key);
            long number = parseLong(line, key, text);
            if (number < min || number > max) {
                throw damaged(line, key, text + " is outside " + min + ".." + max);
            }
            return number;
        }

        private boolean bool(String key) {
            String text = value(key);
            if (!text.equals("true") && !text.equals("false")) {
                throw damaged(fieldLines.get(key), key, "expected true or false, found \"" + text + "\"");
            }
            return Boolean.parseBoolean(text);
        }

        private long parseLong(int line, String key, String text) {
            if (!text.matches("-?[0-9]{1,19}")) {
                throw damaged(line, key, "expected an integer, found \"" + text + "\"");
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw damaged(line, key, text + " is too large");
            }
        }

        /** A refusal naming the file, the line (0: the file as a whole) and the field. */
        private CheckpointException damaged(int line, String key, String problem) {
            StringBuilder message = new StringBuilder("checkpoint ").append(file).append(" is damaged: ");
            if (line > 0) {
                message.append("line ").append(line).append(", ");
            }
            if (key != null) {
                message.append("field \"").append(key).append("\": ");
            }
            return new CheckpointException(message.append(problem).append(" (delete it to start over)").toString());
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
    }

    /** {@code 0-41,43,45-99}: readable, and short because units finish almost in order. */
    private static String ranges(BitSet bits) {
        StringBuilder text = new StringBuilder();
        for (int from = bits.nextSetBit(0); from >= 0; ) {
            int to = bits.nextClearBit(from);
            text.append(text.isEmpty() ? "" : ",").append(from);
            if (to - 1 > from) {
                text.append('-').append(to - 1);
            }
            from = bits.nextSetBit(to);
        }
        return text.toString();
    }
}
