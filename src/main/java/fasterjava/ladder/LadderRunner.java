package fasterjava.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a ladder's steps on one input: verify each step before timing it, then time it honestly.
 *
 * <p>For every step: {@code prepare} (untimed, reported apart); compute the baseline's reference items and compare
 * with the baseline — a difference stops the run ({@link VerificationException}) before any timing of that
 * step; grow the item count until one run lasts {@link Budget#minRunSeconds()} (these runs warm the JIT up);
 * then repeat and keep the best run. Each timed result is also checked against the longest result any earlier
 * step produced, so fast steps are checked on far more items than the slow baseline can afford.
 *
 * <p>The baseline (the ladder's first rung) always runs, selected or not: it is the reference and the speedups'
 * denominator. Each step is closed once measured, so only one step's prepared data is held at a time.
 */
public final class LadderRunner<D, R> {
    private final Ladder<D, R> ladder;
    private final Budget budget;
    private final Consumer<String> log;

    /** @param log receives one line per event (preparing, verified, timed); e.g. {@code System.err::println} */
    public LadderRunner(Ladder<D, R> ladder, Budget budget, Consumer<String> log) {
        this.ladder = ladder;
        this.budget = budget;
        this.log = log;
    }

    public LadderReport run(D data, List<Rung<D, R>> selected, String dataDescription) {
        int available = ladder.availableItems(data);
        int referenceItems = Math.min(budget.referenceItems(), available);
        int maxItems = Math.min(budget.maxItems(), available);
        Rung<D, R> baselineRung = ladder.rungs().get(0);

        List<StepTiming> timings = new ArrayList<>();
        Measured<R> baseline = measure(baselineRung, data, null, null, referenceItems, maxItems);
        if (selected.contains(baselineRung)) {
            timings.add(baseline.timing);
        }
        R longest = baseline.result;
        for (Rung<D, R> rung : selected) {
            if (rung == baselineRung) {
                continue;
            }
            Measured<R> measured = measure(rung, data, baseline.result, longest, referenceItems, maxItems);
            timings.add(measured.timing);
            if (ladder.size(measured.result) > ladder.size(longest)) {
                longest = measured.result;
            }
        }
        return new LadderReport(ladder.name(), ladder.unit(), dataDescription, Machine.describe(),
                baseline.timing, timings);
    }

    private record Measured<R>(StepTiming timing, R result) {
    }

    private Measured<R> measure(Rung<D, R> rung, D data, R reference, R longest, int referenceItems,
            int maxItems) {
        try (Step<D, R> step = rung.create()) {
            return measure(rung, step, data, reference, longest, referenceItems, maxItems);
        }
    }

    private Measured<R> measure(Rung<D, R> rung, Step<D, R> step, D data, R reference, R longest,
            int referenceItems, int maxItems) {
        log.accept(rung.id() + ": preparing");
        long start = System.nanoTime();
        step.prepare(data);
        double prepareSeconds = seconds(start);

        start = System.nanoTime();
        R result = step.compute(referenceItems);
        double seconds = seconds(start);
        String verification;
        if (reference == null) {
            verification = "reference: " + rung.id() + "'s first " + referenceItems + " "
                    + plural(referenceItems) + " are what every other step must reproduce";
        } else {
            require(rung, "the baseline", reference, result, referenceItems);
            verification = "verified: " + rung.id() + " equals the baseline on the first " + referenceItems + " "
                    + plural(referenceItems);
        }
        // The line starts with "verified:" (or "reference:"), which the notebook checks look for.
        log.accept(verification);

        int items = referenceItems;
        while (seconds < budget.minRunSeconds() && items < maxItems) {
            double factor = Math.clamp(1.5 * budget.minRunSeconds() / Math.max(seconds, 1e-9), 2.0, 100.0);
            items = (int) Math.min(maxItems, Math.ceil(items * factor));
            start = System.nanoTime();
            result = step.compute(items);
            seconds = seconds(start);
        }
        double best = seconds;
        int runs = 1;
        double spent = seconds;
        // A run longer than the whole step budget is its own single sample; otherwise the run above was the
        // warm-up at this size, and the timed repetitions follow.
        if (seconds < budget.stepSeconds()) {
            best = Double.MAX_VALUE;
            runs = 0;
            spent = 0;
            while (runs < budget.repetitions() && (runs == 0 || spent < budget.stepSeconds())) {
                start = System.nanoTime();
                result = step.compute(items);
                seconds = seconds(start);
                best = Math.min(best, seconds);
                spent += seconds;
                runs++;
            }
        }
        if (longest != null) {
            int overlap = Math.min(ladder.size(longest), ladder.size(result));
            require(rung, "the earlier steps' results", longest, result, overlap);
            if (overlap > referenceItems) {
                verification += " and the earlier steps on the first " + overlap;
            }
        }
        StepTiming timing = new StepTiming(rung.id(), rung.title(), prepareSeconds, items, runs, best,
                referenceItems, verification, ladder.published(rung.id()));
        log.accept(String.format("%s: %,d %s in %.4f s (best of %d) = %s per %s", rung.id(), items, plural(items),
                best, runs, Units.nanos(timing.nanosPerItem()), ladder.unit()));
        return new Measured<>(timing, result);
    }

    private void require(Rung<D, R> rung, String against, R expected, R actual, int items) {
        Optional<String> mismatch = ladder.mismatch(expected, actual, items);
        if (mismatch.isPresent()) {
            throw new VerificationException(rung.id() + " differs from " + against + ": " + mismatch.get()
                    + " — not timed; fix the step before measuring it");
        }
    }

    private String plural(int items) {
        return items == 1 ? ladder.unit() : ladder.unit() + "s";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
