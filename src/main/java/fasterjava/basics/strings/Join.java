package fasterjava.basics.strings;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Five ways to join a list of strings into one. The first two copy everything built so far at every step, so
 * joining n one-letter strings copies about n²/2 characters; the other three append into one growing buffer
 * (doubling it when full), copying each character a constant number of times.
 */
public enum Join {
    /** {@code reduce("", String::concat)}: the text's {@code functools.reduce(lambda a, b: a + b, letters)}. */
    REDUCE_CONCAT("reduce-concat", "stream().reduce(\"\", String::concat)", Join::reduceConcat),
    /** {@code s += letter} in a loop: a new string each time. */
    PLUS_EQUALS("plus-equals", "s += letter in a for loop", Join::plusEquals),
    /** One {@link StringBuilder}, appended to, turned into a string once. */
    STRING_BUILDER("string-builder", "StringBuilder.append in a for loop", Join::stringBuilder),
    /** {@link String#join}: the text's {@code "".join(letters)}. */
    STRING_JOIN("string-join", "String.join(\"\", letters)", letters -> String.join("", letters)),
    /** {@link Collectors#joining()}: the stream form of the same. */
    COLLECTORS_JOINING("collectors-joining", "stream().collect(Collectors.joining())",
            letters -> letters.stream().collect(Collectors.joining()));

    private final String slug;
    private final String code;
    private final Function<List<String>, String> join;

    Join(String slug, String code, Function<List<String>, String> join) {
        this.slug = slug;
        this.code = code;
        this.join = join;
    }

    public String slug() {
        return slug;
    }

    /** The Java it times, in one line. */
    public String code() {
        return code;
    }

    public String apply(List<String> parts) {
        return join.apply(parts);
    }

    private static String reduceConcat(List<String> parts) {
        return parts.stream().reduce("", String::concat);
    }

    private static String plusEquals(List<String> parts) {
        String joined = "";
        for (String part : parts) {
            joined += part;
        }
        return joined;
    }

    private static String stringBuilder(List<String> parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(part);
        }
        return joined.toString();
    }
}
