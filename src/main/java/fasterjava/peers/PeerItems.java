package fasterjava.peers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Collects one Python version's per-item lines (in order) into the journey's result type. {@link #add} throws
 * {@link IllegalArgumentException} naming the field when a line does not fit; the parser adds the line number.
 *
 * @param <R> the journey's result type
 */
public interface PeerItems<R> {
    void add(JsonNode item);

    /** How many items have been added. */
    int size();

    R result();
}
