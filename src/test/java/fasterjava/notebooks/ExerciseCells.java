package fasterjava.notebooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cells every journey's exercises share: the "Your turn" section at the end of a step notebook, and the
 * solutions notebooks in {@code notebooks/solutions/} (one folder for every journey's solutions).
 */
final class ExerciseCells {
    static final String TRACK = "solutions";

    private ExerciseCells() {
    }

    /** Every journey's solutions notebooks, by file name. */
    static Map<String, ObjectNode> solutions() {
        Map<String, ObjectNode> books = new LinkedHashMap<>(CorrsetExercises.solutions());
        books.putAll(VitalsExercises.solutions());
        return books;
    }

    /**
     * Appends the "Your turn" section: the task, the starter (an exercise cell the learner edits), the prediction
     * to write down, and the cells that run the learner's step through {@code nb.tryStep} and chart it.
     */
    static void yourTurn(NotebookJson nb, String task, String predict, boolean solved, String starter,
            String className, String slug) {
        nb.markdown("""
                ## Your turn

                **Task.** %s

                The cell below holds a complete step that is deliberately naive; edit it, run it, then run the
                cell after it: `nb.tryStep` verifies your step against the baseline (a wrong answer is reported as
                *not verified* and not timed), then times it and shows it beside the ladder above, at this
                notebook's size.%s

                **Predict, then measure.** %s Write your prediction down before you run the next cells."""
                .formatted(task.strip(), solved ? " A worked solution is in `notebooks/solutions/`." : "",
                        predict.strip()));
        nb.exercise(starter);
        nb.code("var yours = nb.tryStep(\"my-" + slug + "\", " + className + "::new);\nyours");
        nb.code("nb.speedupChart(yours)");
    }

    /**
     * A solutions notebook: the ladder up to {@code lastStep} for comparison, then the solution in an exercise
     * cell, verified and timed beside it.
     */
    static ObjectNode solutionBook(String name, String intro, String overview, String open, String lastStep,
            String solution, String slug, String className) {
        NotebookJson nb = new NotebookJson(name);
        nb.markdown(intro + "\n\n" + overview);
        nb.code(open);
        nb.markdown("The ladder up to the steps these solutions reproduce, for comparison:");
        nb.code("var figures = nb.ladder(\"01-" + lastStep + "\");\nfigures");
        nb.markdown("The solution:");
        nb.exercise(solution);
        nb.code("var yours = nb.tryStep(\"" + slug + "\", " + className + "::new);\nyours");
        nb.code("nb.speedupChart(yours)");
        return nb.json();
    }
}
