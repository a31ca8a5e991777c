package fasterjava.ladder;

import java.util.List;

/**
 * One step's measured outcome in a ladder run.
 *
 * @param id {@code NN-slug}
 * @param title the step's human title
 * @param prepareSeconds the untimed conversion, reported separately
 * @param items work items per timed run
 * @param runs timed runs made
 * @param bestSeconds the fastest run
 * @param verifiedItems items checked against the baseline before timing
 * @param verification one line saying what this step was checked against
 * @param published the matching published figures, if any
 */
public record StepTiming(String id, String title, double prepareSeconds, int items, int runs, double bestSeconds,
        int verifiedItems, String verification, List<Published> published) {
    public StepTiming {
        published = List.copyOf(published);
    }

    public double nanosPerItem() {
        return bestSeconds * 1e9 / items;
    }
}
