package fasterjava.corrset.journey;

import fasterjava.corrset.data.StandardData;
import fasterjava.ladder.Budget;

/**
 * How big a ladder run is. {@code tiny} is for tests and notebook CI (the committed sample, seconds);
 * {@code small} is the default workshop run (the full data set, a few minutes, the baseline checked on fewer
 * combinations); {@code full} follows the articles (1,000 combinations for the baseline, up to 5,000,000 for fast
 * steps).
 */
public enum CorrsetScale {
    TINY(StandardData.SAMPLE, new Budget(100, 0.2, 15_504, 3, 1.0)),
    SMALL(StandardData.FULL, new Budget(20, 0.5, 2_000_000, 3, 4.0)),
    FULL(StandardData.FULL, new Budget(1_000, 1.0, 5_000_000, 3, 30.0));

    private final StandardData data;
    private final Budget budget;

    CorrsetScale(StandardData data, Budget budget) {
        this.data = data;
        this.budget = budget;
    }

    public StandardData data() {
        return data;
    }

    public Budget budget() {
        return budget;
    }

    /** Parses {@code tiny|small|full}, case-insensitively, with a clear error otherwise. */
    public static CorrsetScale parse(String name) {
        for (CorrsetScale scale : values()) {
            if (scale.name().equalsIgnoreCase(name.trim())) {
                return scale;
            }
        }
        throw new IllegalArgumentException("unknown scale '" + name + "': expected tiny, small or full");
    }
}
