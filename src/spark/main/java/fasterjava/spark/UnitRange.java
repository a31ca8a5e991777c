package fasterjava.spark;

import java.io.Serializable;

/** Work units {@code from..to-1} of a search: what one Spark task searches. */
public record UnitRange(int from, int to) implements Serializable {
    public UnitRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a unit range: " + from + ".." + to);
        }
    }

    public int units() {
        return to - from;
    }
}
