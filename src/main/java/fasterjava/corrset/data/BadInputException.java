package fasterjava.corrset.data;

import java.nio.file.Path;

/**
 * The one error a user sees for a bad input file: it names the file, where in it (row, and line/column when
 * known) and which field, then says what was expected. The CLI prints {@link #getMessage()} and exits non-zero.
 */
public final class BadInputException extends RuntimeException {
    private final String file;
    private final String location;
    private final String field;

    public BadInputException(Path file, String location, String field, String problem) {
        this(file, location, field, problem, null);
    }

    public BadInputException(Path file, String location, String field, String problem, Throwable cause) {
        super(format(file, location, field, problem), cause);
        this.file = String.valueOf(file);
        this.location = location;
        this.field = field;
        // Parsers' own stack traces add nothing for a user; the message says it all.
    }

    private static String format(Path file, String location, String field, String problem) {
        StringBuilder message = new StringBuilder().append(file);
        if (location != null) {
            message.append(": ").append(location);
        }
        if (field != null) {
            message.append(", field \"").append(field).append('"');
        }
        return message.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    /** Where in the file, e.g. {@code row 17 (line 18)}; null when the problem is the file as a whole. */
    public String location() {
        return location;
    }

    /** The field at fault; null when the problem is not one field's. */
    public String field() {
        return field;
    }
}
