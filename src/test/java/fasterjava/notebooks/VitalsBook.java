package fasterjava.notebooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.ladder.Journey;
import fasterjava.ladder.Published;
import fasterjava.ladder.Rung;
import fasterjava.ladder.Units;
import fasterjava.vitals.journey.VitalsJourney;
import fasterjava.vitals.steps.VitalsSteps;
import java.util.ArrayList;
import java.util.List;

/**
 * The patient-vitals notebooks' own prose and cells: the overview (the task, the data, the case study's
 * disagreeing definitions), the summary (the whole ladder, scaling against Amdahl's law, ragged series, what the
 * speed cost in code: the case study's discussion questions), the case study's published figures, the baseline's
 * check.
 */
final class VitalsBook implements LadderBook {
    private static final String OPEN = "import fasterjava.notebook.*;\n\nvar nb = VitalsNotebook.open();";

    @Override
    public String track() {
        return "vitals";
    }

    @Override
    public String title() {
        return "patient vitals";
    }

    @Override
    public Journey<?, ?> journey() {
        return new VitalsJourney();
    }

    @Override
    public String openCell() {
        return OPEN;
    }

    @Override
    public void yourTurn(NotebookJson nb, Rung<?, ?> rung) {
        VitalsExercises.yourTurn(nb, rung.number(), rung.slug());
    }

    @Override
    public String[] baselineCheck() {
        return new String[] {"""
                ## Checking the reference

                Every other step is verified against this one, so it is checked first: on the case study's 500
                patients against the spec's check figures (sums of every feature, patient 0's heart rate), on
                other data against an independent implementation that sums exact integers (step 05).""",
            "nb.checkBaseline();"};
    }

    @Override
    public String published(String stepId) {
        List<Published> figures = journey().ladder().published(stepId);
        if (figures.isEmpty()) {
            return "*The case study stops before this step: it is ours.*";
        }
        List<String> parts = new ArrayList<>();
        for (Published p : figures) {
            parts.add("\"" + p.label() + "\": " + Units.nanos(p.nanosPerItem()) + " per patient");
        }
        return "*The case study's matching version — " + String.join("; ", parts) + " (published; its machine is "
                + "not named).*";
    }

    @Override
    public ObjectNode overview(String nav) {
        NotebookJson nb = new NotebookJson(LadderNotebookBook.OVERVIEW);
        nb.markdown("""
                # patient vitals · 00 · overview

                %s

                **The task.** Six vital signs (heart rate, systolic and diastolic blood pressure, temperature,
                oxygen saturation, respiratory rate) recorded daily for a year per patient, some values missing.
                Per patient and vital, compute eight features: mean, sample standard deviation, min, max, range,
                trend (the least-squares slope over the day), the number of anomalies (values more than two
                standard deviations from the mean) and the share of missing days. 48 features per patient.

                **The journey.** A case study, "Optimizing Python Code for Large-Scale Data Processing", took this
                pipeline from a naive loop that filters the whole table for every patient (V1, ~42 s for 500
                patients), through pandas group-by (V2, ~3.5 s) to NumPy 3-D arrays (V3, ~0.08 s: "525x"), and
                estimated 2 million patients at 5.3 minutes on 32 cores. The notebooks that follow take the same
                road in Java, one step per notebook, then go further: exact fixed-point sums, the Vector API, all
                cores, and a streamed run of 2 million patients that never holds them in memory. Every step is
                checked against the baseline before it is timed, on this machine.

                **How much work.** The environment variable `FASTER_SIZE` sets it: `tiny` (the case study's 500
                patients; what the tests run), `small` (20,000 patients, 7.3 million rows) or `full` (100,000).
                The data are the case study's own generator, reproduced bit for bit.""".formatted(nav));
        nb.code(OPEN);
        nb.markdown("""
                ## The data

                One patient's year: two of the six series, with the gaps where values are missing (about 5% of
                the days for four of the vitals).""");
        nb.code("nb.patientChart()");
        nb.markdown("""
                ## "Without changing its outputs"? The case study's versions disagree

                The case study says its faster versions compute the same features. They do not: V1 divides the
                variance by m (the population standard deviation) where V2 divides by m − 1, so V1's anomaly
                counts differ; V1 and V2 regress each series on the position of the value among the non-missing
                ones (0, 1, 2, … — the gaps are ignored), V3 on the day but with the missing values' deviations set
                to zero and every day in the denominator. This project fixes one definition (the sample standard
                deviation; the slope over the actual day) and checks every step against it. Here is how far the
                case study's definitions are from it on the same patients:""");
        nb.code("nb.definitions()");
        nb.markdown("""
                ## Where next

                Step 01 is the naive loop every other step is verified against. Each step notebook shows what
                changed in the code (a diff against the previous step, from `src/`), the profile that motivated
                it, the verification, the timing, and the speedup so far. The summary runs the whole ladder and
                takes up the case study's discussion questions.

                %s""".formatted(nav));
        return nb.json();
    }

    @Override
    public ObjectNode summary(String nav) {
        NotebookJson nb = new NotebookJson(LadderNotebookBook.SUMMARY);
        String last = VitalsSteps.all().get(VitalsSteps.all().size() - 1).number();
        nb.markdown("""
                # patient vitals · summary · the whole ladder

                %s

                Every step, verified against the baseline and timed in one run, beside the times the case study
                published for its three versions (500 patients on a machine it does not name: there for scale).
                The same table and chart come out of `bin/faster vitals ladder`, which also writes them to
                `results/`.""".formatted(nav));
        nb.code(OPEN);
        nb.markdown(LadderNotebookBook.timingIntro("patient"));
        nb.code("var figures = nb.ladder(\"01-" + last + "\");\nfigures");
        nb.markdown("## Time per patient: Java here, the case study there\n\nLog scale, lower is better:");
        nb.code("nb.timeChart(figures)");
        nb.markdown("## Speedup over the baseline");
        nb.code("nb.speedupChart(figures)");
        nb.markdown("""
                ## Discussion 1: Amdahl's law, measured

                The case study asks how far more cores go if part of the work cannot be parallelized. Step 07 runs
                the features on one thread, then on two (and more where there are cores); the speedup it reaches
                tells what serial fraction Amdahl's law needs to explain it, and the law then extrapolates to the
                case study's 32 cores.""");
        nb.code("nb.scaling()");
        nb.markdown("""
                ## Discussion 2: variable-length series

                The case study's V3 reshapes the table into patients × 365 days, so it needs every patient to have
                every day. Real data do not: here each patient keeps a random share (50–100%) of their days, ids
                become strings and the rows are shuffled. Every step must still agree with the baseline:""");
        nb.code("var ragged = nb.ragged(\"01,03,04,06,08\");");
        nb.markdown("""
                ## Discussion 3: readability against speed

                Each step's lines of code beside its time per patient from the run above. The first steps are
                short because a library does the work; the fastest are longer because they spell out what the
                machine should do. Which ones would you want to maintain?""");
        nb.code("nb.codeSizeChart(figures)");
        nb.markdown("""
                ## Beyond memory: 2 million patients

                The case study's estimate for 2 million patients needs its V3 to hold all of them at once (about
                315 GB as NumPy arrays). `bin/faster vitals features --generate 2000000 --json` generates them with
                the same generator and computes their features as they come, in bounded memory; `bin/faster
                reproduce` runs it and reports the time.

                ---
                %s""".formatted(nav));
        return nb.json();
    }
}
