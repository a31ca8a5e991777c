package fasterjava.notebook;

import static fasterjava.notebook.LadderNotebook.printf;

import fasterjava.ladder.LadderReport;
import fasterjava.ladder.Rung;
import fasterjava.ladder.Step;
import fasterjava.ladder.StepSelection;
import fasterjava.ladder.VerificationException;
import fasterjava.vitals.SpecCheckFigures;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.journey.VitalsJourney;
import fasterjava.vitals.VitalsTable;
import fasterjava.vitals.casestudy.Definitions;
import fasterjava.vitals.casestudy.Ragged;
import fasterjava.vitals.casestudy.Scaling;
import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.steps.Step07Threads;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What the patient-vitals notebooks call, one line per cell: everything a {@link LadderNotebook} offers (data at
 * the notebook's size, a step's source and diff, a profile, the verified-and-timed ladder, charts), plus what only
 * this journey has: a look at the data, the baseline's own check, the case study's disagreeing definitions, ragged
 * series, and thread scaling against Amdahl's law.
 */
public final class VitalsNotebook {
    /** Enough patients for one thread's run to outweigh handing work to threads (tens of milliseconds). */
    private static final int SCALING_PATIENTS = 10_000;

    private final LadderNotebook<VitalsTable, VitalsFeatures> ladder;
    private final VitalsJourney journey;

    private VitalsNotebook(LadderNotebook<VitalsTable, VitalsFeatures> ladder, VitalsJourney journey) {
        this.ladder = ladder;
        this.journey = journey;
    }

    /** Generates the data for the size named by {@code FASTER_SIZE} and says what it is and where we run. */
    public static VitalsNotebook open() {
        VitalsJourney journey = new VitalsJourney();
        return new VitalsNotebook(LadderNotebook.open(journey), journey);
    }

    public VitalsTable table() {
        return ladder.data();
    }

    /** The source file of a step ({@code "05"} or {@code "05-fixed-point"}), as it is in {@code src/}. */
    public String source(String step) {
        return ladder.source(step);
    }

    /** What changed from the previous step, as coloured HTML. */
    public String diff(String step) {
        return ladder.diff(step);
    }

    /** Profiles a step with Java Flight Recorder for a few seconds and prints where its time goes. */
    public void profile(String step) {
        ladder.profile(step);
    }

    /**
     * Verifies, then times the selected steps against the baseline (which always runs); the cell shows the table.
     * At {@code tiny} the figures shown come from a larger run, labelled (see {@link LadderNotebook#ladder}).
     */
    public LadderFigures ladder(String steps) {
        return ladder.ladder(steps);
    }

    /**
     * Runs your own step through the same harness (verified against the baseline, then timed) and shows it beside
     * this notebook's last ladder run: {@code nb.tryStep("my-fused-pass", MyStep::new)}.
     */
    public LadderFigures tryStep(String name, Supplier<? extends Step<VitalsTable, VitalsFeatures>> step) {
        return ladder.tryStep(name, step);
    }

    public BufferedImage speedupChart(LadderFigures figures) {
        return ladder.speedupChart(figures);
    }

    public BufferedImage timeChart(LadderFigures figures) {
        return ladder.timeChart(figures);
    }

    /**
     * Checks the baseline itself, which every other step is verified against: on the case study's 500 patients
     * against the spec's check figures; on other data against step 05's exact integer sums (written
     * independently). Prints a {@code verified:} line or throws.
     */
    public void checkBaseline() {
        List<Rung<VitalsTable, VitalsFeatures>> rungs = journey.ladder().rungs();
        Rung<VitalsTable, VitalsFeatures> baseline = rungs.get(0);
        VitalsTable table = table();
        if (table.patientCount() == SpecCheckFigures.PATIENTS && table.source().contains("seed 42")) {
            VitalsFeatures features = run(baseline, table, table.patientCount());
            SpecCheckFigures.mismatch(features).ifPresent(m -> {
                throw new VerificationException(baseline.id() + " differs from the spec's check figures: " + m);
            });
            System.out.println("verified: " + baseline.id() + " reproduces the spec's check figures (sums of every "
                    + "feature over the 500 seed-42 patients, patient 0's heart rate)");
            return;
        }
        Rung<VitalsTable, VitalsFeatures> exact = StepSelection.find("05", rungs);
        int count = Math.min(journey.budget(ladder.size()).referenceItems(), table.patientCount());
        run(baseline, table, count).firstMismatch(run(exact, table, count), count).ifPresent(m -> {
            throw new VerificationException(baseline.id() + " differs from " + exact.id() + ": " + m);
        });
        System.out.println("verified: " + baseline.id() + " agrees with " + exact.id() + "'s exact integer sums on "
                + "the first " + count + " patients");
    }

    private static VitalsFeatures run(Rung<VitalsTable, VitalsFeatures> rung, VitalsTable table, int patients) {
        try (Step<VitalsTable, VitalsFeatures> step = rung.create()) {
            step.prepare(table);
            return step.compute(patients);
        }
    }

    /** The first patient's heart rate and temperature over the year: what one series looks like, gaps and all. */
    public BufferedImage patientChart() {
        VitalsTable table = table();
        XYChart chart = new XYChartBuilder().width(1000).height(350)
                .title("Patient " + table.patientIds().get(0) + ": two of the six vitals, day by day (gaps: missing)")
                .xAxisTitle("day").yAxisTitle("value").build();
        for (Vital vital : List.of(Vital.HEART_RATE, Vital.TEMPERATURE)) {
            List<Integer> days = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int row = 0; row < table.rowCount(); row++) {
                if (table.patients()[row] == 0) {
                    days.add(table.days()[row]);
                    values.add(table.values(vital)[row]);
                }
            }
            chart.addSeries(vital.column(), days, values).setMarker(SeriesMarkers.NONE);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * The case study's versions' definitions side by side with the spec's on this size's patients (a complete
     * day grid, as the case study's data): prints the table, returns the trend-gap chart.
     */
    public BufferedImage definitions() {
        var data = VitalsGenerator.generate(table().patientCount(), VitalsGenerator.DEFAULT_DAYS,
                VitalsGenerator.DEFAULT_SEED);
        List<Definitions.Comparison> comparisons = Definitions.compare(data);
        System.out.print(Definitions.table(comparisons).toConsole());
        return BitmapEncoder.getBufferedImage(Definitions.trendGapChart(comparisons));
    }

    /**
     * The same patients with a random share of each one's days dropped, string ids and shuffled rows; the
     * selected steps verified against the baseline on them and timed.
     */
    public LadderReport ragged(String steps) {
        VitalsTable ragged = Ragged.of(table(), 0.5, 7);
        System.out.println("ragged: " + ragged.describe());
        LadderReport report = journey.runLadder(ragged, steps, journey.budget(ladder.size()), System.out::println);
        System.out.print(report.toConsoleTable());
        return report;
    }

    /**
     * Step 07 on 1 and 2 threads (and more where there are cores), its speedup against Amdahl's law. On at least
     * {@value #SCALING_PATIENTS} patients (generated when the notebook's size has fewer): on the 500 of
     * {@code tiny} one run lasts about a millisecond, and handing work to threads costs more than the work.
     */
    public BufferedImage scaling() {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        VitalsTable table = table().patientCount() >= SCALING_PATIENTS ? table()
                : journey.generated(SCALING_PATIENTS, System.out::println);
        Scaling.Result result = Scaling.measure(Step07Threads::new, table, cores, 5);
        for (Scaling.Point point : result.points()) {
            printf("%d thread(s): %.4f s for %,d patients, %.2fx%n", point.threads(), point.seconds(),
                    table.patientCount(), point.speedup());
        }
        System.out.println(result.summary());
        return BitmapEncoder.getBufferedImage(Scaling.chart(result));
    }

    /** Lines of code per step beside its time per patient in {@code figures}: what each speedup cost to write. */
    public BufferedImage codeSizeChart(LadderFigures figures) {
        return ladder.codeSizeChart(figures);
    }
}
