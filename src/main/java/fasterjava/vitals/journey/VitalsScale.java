package fasterjava.vitals.journey;

import fasterjava.ladder.Budget;

/**
 * The vitals journey's named sizes, all the spec's generated data (seed 42, 365 days) made in memory. {@code tiny}
 * is the case study's 500 patients, for tests and notebook CI (every step checked against the baseline on all of
 * them); {@code small} (20,000 patients, 7.3 million rows) is the workshop run; {@code full} (100,000 patients,
 * 36.5 million rows) is the largest that fits comfortably: its data take about 2 GB, and a step's prepared copy up
 * to 2 GB more, so it wants the default 8 GB heap.
 *
 * <p>The baseline filters the whole table for every patient — quadratic — so at {@code small} and {@code full} it
 * is checked on a few patients only, and later steps are checked against the longest result an earlier step
 * produced. Timed runs are grown to last five seconds there: the Vector API steps run hundreds of times slower until
 * the JIT has compiled them, and a shorter target lets one slow cold run end the harness's warm-up, leaving a step
 * timed on a few hundred patients. At {@code tiny}, where every run covers all 500 patients, each step is repeated
 * while its runs add up to less than ten seconds, for the same reason.
 */
public enum VitalsScale {
    TINY(500, new Budget(500, 0.2, 500, 3, 10.0)),
    SMALL(20_000, new Budget(20, 5.0, 20_000, 3, 15.0)),
    FULL(100_000, new Budget(5, 5.0, 100_000, 3, 30.0));

    private final int patients;
    private final Budget budget;

    VitalsScale(int patients, Budget budget) {
        this.patients = patients;
        this.budget = budget;
    }

    public int patients() {
        return patients;
    }

    public Budget budget() {
        return budget;
    }

    /** The size's name as tools spell it: {@code tiny}, {@code small}, {@code full}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code tiny|small|full}, case-insensitively, with a clear error otherwise. */
    public static VitalsScale parse(String name) {
        for (VitalsScale scale : values()) {
            if (scale.name().equalsIgnoreCase(name.trim())) {
                return scale;
            }
        }
        throw new IllegalArgumentException("unknown size '" + name + "': expected tiny, small or full");
    }
}
