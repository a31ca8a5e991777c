package fasterjava.ladder;

import java.util.ArrayList;
import java.util.List;

/** Parses a step selection such as {@code 01-12}, {@code 05}, {@code 01,05,09-12} or {@code 05-int-ids}. */
public final class StepSelection {
    private StepSelection() {
    }

    public static <D, R> List<Rung<D, R>> parse(String spec, List<Rung<D, R>> rungs) {
        if (spec == null || spec.isBlank() || spec.equalsIgnoreCase("all")) {
            return rungs;
        }
        List<Rung<D, R>> selected = new ArrayList<>();
        for (String part : spec.split(",")) {
            String item = part.trim();
            String[] range = item.matches("\\d+-\\d+") ? item.split("-") : new String[] {item, item};
            int from = indexOf(range[0], rungs);
            int to = indexOf(range[1], rungs);
            if (from > to) {
                throw new IllegalArgumentException("step range '" + item + "' runs backwards");
            }
            for (int i = from; i <= to; i++) {
                if (!selected.contains(rungs.get(i))) {
                    selected.add(rungs.get(i));
                }
            }
        }
        selected.sort((a, b) -> Integer.compare(rungs.indexOf(a), rungs.indexOf(b)));
        return selected;
    }

    /** The rung named by a number ({@code 5}, {@code 05}) or an id ({@code 05-int-ids}). */
    public static <D, R> Rung<D, R> find(String name, List<Rung<D, R>> rungs) {
        return rungs.get(indexOf(name.trim(), rungs));
    }

    private static <D, R> int indexOf(String name, List<Rung<D, R>> rungs) {
        for (int i = 0; i < rungs.size(); i++) {
            Rung<D, R> rung = rungs.get(i);
            if (rung.id().equals(name) || (name.matches("\\d+") && Integer.parseInt(name) == Integer.parseInt(
                    rung.number()))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no step '" + name + "': the steps are "
                + rungs.get(0).number() + " to " + rungs.get(rungs.size() - 1).number() + " ("
                + String.join(", ", rungs.stream().map(Rung::id).toList()) + ")");
    }
}
