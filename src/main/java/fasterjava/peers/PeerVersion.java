package fasterjava.peers;

import java.util.List;

/**
 * One Python version of a journey, as its runner names it, and the Java step whose idea it carries.
 *
 * @param id the runner's name for it, e.g. {@code numba-serial}
 * @param title a short human title
 * @param mirrors the ids of the Java steps it mirrors, the closest first (where the chart shows it), e.g.
 *     {@code 10-fused-loop}
 */
public record PeerVersion(String id, String title, List<String> mirrors) {
    public PeerVersion {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("a Python version mirrors at least one Java step: " + id);
        }
        mirrors = List.copyOf(mirrors);
    }

    /** The Java step it is closest to. */
    public String primary() {
        return mirrors.getFirst();
    }
}
