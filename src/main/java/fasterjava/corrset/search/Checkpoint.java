package fasterjava.corrset.search;

import fasterjava.corrset.Correlation;
import fasterjava.corrset.data.Scores;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a search has finished, saved so a killed run can go on where it stopped: which work units (question
 * prefixes) are done, the sets they kept and their counters. A plain text file, written whole to a temporary file
 * and then renamed over the old one, so a kill at any moment leaves either the previous checkpoint or the new one.
 *
 * <p>It records the request (K, minimum users, top), the engine's unit layout and a fingerprint of the data; a
 * checkpoint that disagrees on any of them is refused with a {@link CheckpointException} naming the difference,
 * because resuming it would silently mix two different searches.
 *
 * @param engine the engine that wrote it, e.g. {@code prefix-tree}
 * @param fingerprint {@link #fingerprint(Scores)} of the data searched
 * @param units how many work units the engine cut the search into
 * @param done which units are finished
 * @param kept the finished units' best sets (the merged top list)
 */
public record Checkpoint(String engine, String fingerprint, int k, int minUsers, int top, int units, BitSet done,
        long combinations, long undefined, List<ScoredSet> kept) {
    private static final String MAGIC = "faster-java k-corrset checkpoint v1";

    public Checkpoint {
        done = (BitSet) done.clone();
        kept = List.copyOf(kept);
    }

    @Override
    public BitSet done() {
        return (BitSet) done.clone();
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

    /** Writes this checkpoint to {@code file} atomically (temporary file in the same folder, then rename). */
    public void write(Path file) {
        StringBuilder text = new StringBuilder();
        text.append(MAGIC).append('\n');
        text.append("engine=").append(engine).append('\n');
        text.append("fingerprint=").append(fingerprint).append('\n');
        text.append("k=").append(k).append('\n');
        text.append("min-users=").append(minUsers).append('\n');
        text.append("top=").append(top).append('\n');
        text.append("units=").append(units).append('\n');
        text.append("done=").append(ranges(done)).append('\n');
        text.append("combinations=").append(combinations).append('\n');
        text.append("undefined=").append(undefined).append('\n');
        for (ScoredSet set : kept) {
            StringBuilder indices = new StringBuilder();
            for (int index : set.indices()) {
                indices.append(indices.isEmpty() ? "" : ",").append(index);
            }
            text.append("set=").append(indices).append(' ').append(set.n()).append(' ').append(set.num())
                    .append(' ').append(set.da()).append(' ').append(set.db()).append('\n');
        }
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            Files.writeString(temporary, text);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code file}; empty if it does not exist (a fresh run). */
    public static Optional<Checkpoint> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new CheckpointException("checkpoint " + file + " is not a k-corrset checkpoint (first line should"
                    + " be \"" + MAGIC + "\"): delete it or choose another file");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<ScoredSet> kept = new ArrayList<>();
        try {
            for (String line : lines.subList(1, lines.size())) {
                int equals = line.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("line without '=': " + line);
                }
                String key = line.substring(0, equals);
                String value = line.substring(equals + 1);
                if (key.equals("set")) {
                    kept.add(parseSet(value));
                } else {
                    fields.put(key, value);
                }
            }
            return Optional.of(new Checkpoint(field(fields, "engine"), field(fields, "fingerprint"),
                    Integer.parseInt(field(fields, "k")), Integer.parseInt(field(fields, "min-users")),
                    Integer.parseInt(field(fields, "top")), Integer.parseInt(field(fields, "units")),
                    parseRanges(field(fields, "done")), Long.parseLong(field(fields, "combinations")),
                    Long.parseLong(field(fields, "undefined")), kept));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint " + file + " is damaged (" + e.getMessage()
                    + "): delete it to start over", e);
        }
    }

    /**
     * Refuses this checkpoint for a run of {@code engine} over {@code units} units on data with
     * {@code fingerprint} and {@code request}'s options, naming the first difference.
     */
    public void requireMatches(Path file, String engine, String fingerprint, SearchRequest request, int units) {
        String problem = null;
        if (!this.engine.equals(engine)) {
            problem = "was written by engine " + this.engine + ", this run uses " + engine;
        } else if (!this.fingerprint.equals(fingerprint)) {
            problem = "was written for different data (fingerprint " + abbreviate(this.fingerprint)
                    + ", this data has " + abbreviate(fingerprint) + ")";
        } else if (k != request.k()) {
            problem = "was written for K = " + k + ", this run asks K = " + request.k();
        } else if (minUsers != request.minUsers()) {
            problem = "was written for at least " + minUsers + " users per set, this run asks at least "
                    + request.minUsers();
        } else if (top != request.top()) {
            problem = "was written keeping the best " + top + " sets, this run keeps " + request.top();
        } else if (this.units != units) {
            problem = "splits the search into " + this.units + " units, this engine uses " + units;
        }
        if (problem != null) {
            throw new CheckpointException("checkpoint " + file + " " + problem
                    + ": delete it or choose another file to start over");
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
    }

    private static String field(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static ScoredSet parseSet(String value) {
        String[] parts = value.split(" ");
        if (parts.length != 5) {
            throw new IllegalArgumentException("set line should be 'indices n num da db': " + value);
        }
        String[] texts = parts[0].split(",");
        int[] indices = new int[texts.length];
        for (int i = 0; i < texts.length; i++) {
            indices[i] = Integer.parseInt(texts[i]);
        }
        long n = Long.parseLong(parts[1]);
        long num = Long.parseLong(parts[2]);
        long da = Long.parseLong(parts[3]);
        long db = Long.parseLong(parts[4]);
        return new ScoredSet(indices, Correlation.r(n, num, da, db), Math.toIntExact(n), num,
                da, db);
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

    private static BitSet parseRanges(String text) {
        BitSet bits = new BitSet();
        if (text.isEmpty()) {
            return bits;
        }
        for (String range : text.split(",")) {
            int dash = range.indexOf('-');
            if (dash < 0) {
                bits.set(Integer.parseInt(range));
            } else {
                bits.set(Integer.parseInt(range.substring(0, dash)), Integer.parseInt(range.substring(dash + 1)) + 1);
            }
        }
        return bits;
    }
}
