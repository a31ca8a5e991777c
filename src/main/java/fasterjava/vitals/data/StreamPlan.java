package fasterjava.vitals.data;

import java.util.List;

/**
 * The first pass of the streaming generator: where in the one random stream each column's values for patient p
 * begin, recorded every {@link #checkpointPatients} patients as generator states (2.5 KB each, ten per checkpoint).
 * Rejection sampling makes the normal and Poisson columns consume a variable number of outputs, so their states
 * are found by running only the accept tests; the masks use exactly two outputs per row, so theirs are reached by
 * twisting the generator without tempering its outputs.
 */
final class StreamPlan {
    final int patients;
    final int days;
    final long rows;
    final int checkpointPatients;
    /** [normal column][checkpoint]: the normal stream at index column·rows + checkpoint·checkpointPatients·days. */
    private final NormalCursor.State[][] normal;
    /** [checkpoint]: the Poisson stream at row checkpoint·checkpointPatients·days. */
    private final Mt19937[] poisson;
    /** [mask][checkpoint]. */
    private final Mt19937[][] masks;

    private StreamPlan(int patients, int days, int checkpointPatients) {
        this.patients = patients;
        this.days = days;
        this.rows = (long) patients * days;
        this.checkpointPatients = checkpointPatients;
        int checkpoints = checkpoints();
        this.normal = new NormalCursor.State[VitalsRecipe.NORMAL_COLUMNS.size()][checkpoints];
        this.poisson = new Mt19937[checkpoints];
        this.masks = new Mt19937[VitalsRecipe.MASKED_VITALS.size()][checkpoints];
    }

    /** Checkpoints at patients 0, K, 2K, ... below {@code patients}. */
    int checkpoints() {
        return (patients - 1) / checkpointPatients + 1;
    }

    /** Runs the first pass. */
    static StreamPlan compute(int patients, int days, long seed, int checkpointPatients) {
        StreamPlan plan = new StreamPlan(patients, days, checkpointPatients);
        long rows = plan.rows;
        long rowsPerCheckpoint = (long) checkpointPatients * days;
        int checkpoints = plan.checkpoints();
        List<VitalsRecipe.NormalColumn> columns = VitalsRecipe.NORMAL_COLUMNS;

        NormalCursor normals = new NormalCursor(
                new NormalCursor.State(new Mt19937(VitalsGenerator.checkSeed(seed)), false, 0));
        long index = 0;
        for (int column = 0; column < columns.size(); column++) {
            for (int checkpoint = 0; checkpoint < checkpoints; checkpoint++) {
                long target = column * rows + checkpoint * rowsPerCheckpoint;
                normals.skip(target - index);
                index = target;
                plan.normal[column][checkpoint] = normals.snapshot();
            }
        }
        normals.skip(columns.size() * rows - index);

        PoissonCursor counts = new PoissonCursor(normals.snapshot().twister(), VitalsRecipe.POISSON_LAMBDA);
        for (int checkpoint = 0; checkpoint < checkpoints; checkpoint++) {
            counts.skip(checkpoint == 0 ? 0 : rowsPerCheckpoint);
            plan.poisson[checkpoint] = counts.snapshot();
        }
        counts.skip(rows - (checkpoints - 1) * rowsPerCheckpoint);

        MaskCursor masks = new MaskCursor(counts.snapshot());
        long row = 0;
        for (int mask = 0; mask < VitalsRecipe.MASKED_VITALS.size(); mask++) {
            for (int checkpoint = 0; checkpoint < checkpoints; checkpoint++) {
                long target = mask * rows + checkpoint * rowsPerCheckpoint;
                masks.skip(target - row);
                row = target;
                plan.masks[mask][checkpoint] = masks.snapshot();
            }
        }
        return plan;
    }

    /** Fresh cursors positioned at the first row of {@code patient}. */
    Cursors cursorsAt(int patient) {
        int checkpoint = patient / checkpointPatients;
        long skipRows = (long) (patient - checkpoint * checkpointPatients) * days;
        NormalCursor[] normalCursors = new NormalCursor[normal.length];
        for (int column = 0; column < normal.length; column++) {
            normalCursors[column] = new NormalCursor(normal[column][checkpoint]);
            normalCursors[column].skip(skipRows);
        }
        PoissonCursor counts = new PoissonCursor(poisson[checkpoint], VitalsRecipe.POISSON_LAMBDA);
        counts.skip(skipRows);
        MaskCursor[] maskCursors = new MaskCursor[masks.length];
        for (int mask = 0; mask < masks.length; mask++) {
            maskCursors[mask] = new MaskCursor(masks[mask][checkpoint]);
            maskCursors[mask].skip(skipRows);
        }
        return new Cursors(normalCursors, counts, maskCursors);
    }

    /** One cursor per column stream, all at the same row; {@link #fill} advances them all. */
    record Cursors(NormalCursor[] normals, PoissonCursor counts, MaskCursor[] masks) {
        /** Writes the next {@code rows} rows of every vital to {@code values[vital][from..from+rows)}. */
        void fill(double[][] values, int from, int rows) {
            List<VitalsRecipe.NormalColumn> columns = VitalsRecipe.NORMAL_COLUMNS;
            for (int column = 0; column < normals.length; column++) {
                VitalsRecipe.NormalColumn recipe = columns.get(column);
                normals[column].fill(recipe, values[recipe.vital().ordinal()], from, rows);
            }
            counts.fill(values[VitalsRecipe.POISSON_VITAL.ordinal()], from, rows);
            for (int mask = 0; mask < masks.length; mask++) {
                masks[mask].apply(values[VitalsRecipe.MASKED_VITALS.get(mask).ordinal()], from, rows);
            }
        }
    }
}
