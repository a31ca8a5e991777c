package fasterjava.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a Python runner printed, parsed: the environment it ran in and, per version, its timing and its results.
 *
 * <p>The runner prints JSON lines, each an object with a {@code kind}: one {@code environment} line, then per
 * version its item lines (all of one version's before its {@code timing} line) and one {@code timing} line whose
 * {@code items} must equal the number of item lines. Anything else — a line that is not JSON, an unknown kind or
 * version, a missing field, a version without a timing line — fails with the source and the line number.
 *
 * @param environment the interpreter and library versions, one line
 * @param runs per version id, in the order printed
 */
public record PeerOutput<R>(String environment, Map<String, Run<R>> runs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One version's timing and results. */
    public record Run<R>(PeerTiming timing, R result) {
    }

    /**
     * Parses {@code in} (which the caller closes); {@code source} names it in errors. Every version in
     * {@code expected} must appear, and no other.
     */
    public static <R> PeerOutput<R> parse(BufferedReader in, String source, String itemKind, List<String> expected,
            Supplier<PeerItems<R>> items) throws IOException {
        String environment = null;
        Map<String, PeerItems<R>> collecting = new LinkedHashMap<>();
        Map<String, Run<R>> runs = new LinkedHashMap<>();
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            String where = source + ": line " + number;
            try {
                JsonNode node = JSON.readTree(line);
                String kind = text(node, "kind");
                if (kind.equals("environment")) {
                    environment = describe(node);
                    continue;
                }
                String version = text(node, "version");
                if (!expected.contains(version) || runs.containsKey(version)) {
                    throw new IllegalArgumentException("version '" + version + (runs.containsKey(version)
                            ? "' printed after its timing line" : "' was not asked for"));
                }
                if (kind.equals(itemKind)) {
                    collecting.computeIfAbsent(version, v -> items.get()).add(node);
                } else if (kind.equals("timing")) {
                    PeerItems<R> collected = collecting.computeIfAbsent(version, v -> items.get());
                    PeerTiming timing = timing(node);
                    if (timing.items() != collected.size()) {
                        throw new IllegalArgumentException("timing says " + timing.items() + " items, but "
                                + collected.size() + " item lines came before it");
                    }
                    runs.put(version, new Run<>(timing, collected.result()));
                } else {
                    throw new IllegalArgumentException("unknown kind '" + kind + "'");
                }
            } catch (JsonProcessingException e) {
                throw new PeerException(where + ": not a JSON object: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                throw new PeerException(where + ": " + e.getMessage());
            }
        }
        for (String version : expected) {
            if (!runs.containsKey(version)) {
                throw new PeerException(source + ": no timing line for version '" + version
                        + "' (the run stopped early?)");
            }
        }
        if (environment == null) {
            throw new PeerException(source + ": no environment line");
        }
        return new PeerOutput<>(environment, runs);
    }

    private static PeerTiming timing(JsonNode node) {
        double compile = node.path("compile_seconds").isNumber() ? node.get("compile_seconds").asDouble()
                : Double.NaN;
        int items = integer(node, "items");
        int runs = integer(node, "runs");
        double best = numberOrNaN(node, "best_seconds");
        if (!(best > 0) || Double.isInfinite(best)) {
            throw new IllegalArgumentException("field 'best_seconds' must be a positive number, got "
                    + node.get("best_seconds"));
        }
        if (items < 1 || runs < 1) {
            throw new IllegalArgumentException("items and runs must be at least 1");
        }
        return new PeerTiming(text(node, "version"), items, runs, best, nonNegative(node, "prepare_seconds"), compile,
                integer(node, "threads"));
    }

    private static String describe(JsonNode node) {
        StringBuilder out = new StringBuilder("Python ").append(text(node, "python"));
        node.path("libraries").properties().forEach(library -> out.append(", ").append(library.getKey())
                .append(' ').append(library.getValue().asText()));
        return out.toString();
    }

    /** A required string field. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a string");
        }
        return value.asText();
    }

    /** A required integer field. */
    public static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not an integer");
        }
        return value.asInt();
    }

    /** A number or null (NaN); anything else fails naming {@code field}. */
    public static double numberOrNaN(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !(value.isNumber() || value.isNull())) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a number or null");
        }
        return value.isNull() ? Double.NaN : value.asDouble();
    }

    private static double nonNegative(JsonNode node, String field) {
        double value = numberOrNaN(node, field);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "field '%s' must be a non-negative "
                    + "number, got %s", field, node.get(field)));
        }
        return value;
    }
}
