package fasterjava.notebooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fasterjava.ladder.Journey;
import fasterjava.ladder.Rung;

/**
 * What one journey's notebooks say beyond what {@link LadderNotebookBook} generates for every ladder: its title,
 * how a notebook opens it, the overview and summary, the published figure beside each step, and how the
 * baseline is checked.
 */
interface LadderBook {
    /** The folder under {@code notebooks/}, also the journey's name: {@code corrset}. */
    String track();

    /** The human title in every heading: {@code k-corrset}. */
    String title();

    Journey<?, ?> journey();

    /** The first code cell of every notebook: imports and {@code var nb = ...}. */
    String openCell();

    ObjectNode overview(String nav);

    /** The last notebook, {@code 99-summary}: the whole ladder in one run. */
    ObjectNode summary(String nav);

    /** One italic line naming the published figures of the step's counterpart, or saying there is none. */
    String published(String stepId);

    /** How the step 01 notebook checks the reference itself: a Markdown cell, then a code cell. */
    String[] baselineCheck();

    /** Appends the step notebook's closing exercise ("Your turn"), if the journey has one for this step. */
    default void yourTurn(NotebookJson nb, Rung<?, ?> rung) {
    }

    /** Prose before a step's profile of its predecessor, after the heading. */
    default String profileIntro() {
        return "A Java Flight Recorder profile of the previous step";
    }
}
