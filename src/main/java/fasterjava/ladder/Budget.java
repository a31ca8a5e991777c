package fasterjava.ladder;

/**
 * How much measuring a ladder run does.
 *
 * @param referenceItems items the baseline computes; every other step is verified against it on these
 * @param minRunSeconds a timed run is grown (more items) until it lasts at least this long
 * @param maxItems never time more items than this in one run
 * @param repetitions timed runs per step; the best is reported
 * @param stepSeconds stop repeating once a step's timed runs add up to this (at least one run always happens)
 */
public record Budget(int referenceItems, double minRunSeconds, int maxItems, int repetitions, double stepSeconds) {
    public Budget {
        if (referenceItems < 1 || maxItems < referenceItems) {
            throw new IllegalArgumentException("need 1 <= referenceItems <= maxItems, got " + referenceItems
                    + " and " + maxItems);
        }
        if (repetitions < 1 || minRunSeconds <= 0 || stepSeconds <= 0) {
            throw new IllegalArgumentException("repetitions, minRunSeconds and stepSeconds must be positive");
        }
    }
}
