package fasterjava.vitals.casestudy;

import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Real patients are not measured every day of a year, and their rows do not arrive sorted. This makes such data
 * from any table: each patient keeps a share of their rows chosen at random (its own share, between
 * {@code minKeep} and 1), patient ids become strings, and the rows are shuffled. The case study's V3 cannot take
 * it (it reshapes to patients × 365); every step of this ladder must.
 */
public final class Ragged {
    private Ragged() {
    }

    public static VitalsTable of(VitalsTable table, double minKeep, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] keep = new double[table.patientCount()];
        for (int p = 0; p < keep.length; p++) {
            keep[p] = minKeep + (1 - minKeep) * random.nextDouble();
        }
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (random.nextDouble() < keep[table.patients()[row]]) {
                rows.add(row);
            }
        }
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            rows.set(i, rows.set(j, rows.get(i)));
        }
        // Patients are numbered by first appearance in the shuffled rows, as a loader would number them.
        int[] renumber = new int[table.patientCount()];
        java.util.Arrays.fill(renumber, -1);
        List<String> ids = new ArrayList<>();
        int[] patients = new int[rows.size()];
        int[] days = new int[rows.size()];
        double[][] values = new double[Vital.values().length][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            int row = rows.get(i);
            int patient = table.patients()[row];
            if (renumber[patient] < 0) {
                renumber[patient] = ids.size();
                ids.add("patient-" + table.patientIds().get(patient));
            }
            patients[i] = renumber[patient];
            days[i] = table.days()[row];
            for (Vital vital : Vital.values()) {
                values[vital.ordinal()][i] = table.values(vital)[row];
            }
        }
        return new VitalsTable("ragged and shuffled (seed " + seed + ") from " + table.source(), ids, patients, days,
                values);
    }
}
