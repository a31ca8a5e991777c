package fasterjava.vitals.data;

import fasterjava.util.Progress;
import fasterjava.vitals.Vital;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first pass with its second thread, against the in-memory generator, wherever that thread starts. */
class StreamPlanTest {

    @ParameterizedTest(name = "{0} patients x {1} days, checkpoints every {2}, second thread from try {3}")
    @CsvSource({
        // -1: the estimated start, inside the Poisson column.
        "400, 365, 50, -1", "401, 7, 13, -1", "3, 5, 1, -1",
        // Starts inside the normal columns: the second thread's work is dropped.
        "200, 365, 40, 0", "200, 365, 40, 232123",
        // Starts exactly where the Poisson column starts (this data's normal columns take 232,124 tries), or
        // a little after.
        "200, 365, 40, 232124", "200, 365, 40, 232129",
        // Starts so late the first thread reaches the end of the Poisson column alone.
        "200, 365, 40, 100000000"})
    void parallelFirstPassFindsTheSameStates(int patients, int days, int checkpointPatients, long secondStart) {
        GeneratedVitals expected = VitalsGenerator.generate(patients, days, 42);
        StreamPlan plan = StreamPlan.compute(patients, days, 42, checkpointPatients, Progress.NONE, 0, secondStart);
        for (int patient = 0; patient < patients; patient += checkpointPatients) {
            int blockPatients = Math.min(checkpointPatients, patients - patient);
            double[][] values = new double[Vital.values().length][blockPatients * days];
            plan.cursorsAt(patient).fill(values, blockPatients * days);
            VitalsStreamTest.assertBlockMatches(expected, new VitalsBlock(patient, blockPatients, days, values));
        }
    }
}
