package fasterjava.ladder;

import java.util.function.Supplier;

/**
 * A ladder step's identity and how to make one. {@code number} and {@code slug} are permanent: the same
 * {@code NN-slug} names the class ({@code StepNN...}), the notebook, the CLI's {@code --steps} and the results row.
 *
 * @param number two digits, e.g. {@code "05"}
 * @param slug lower-case words joined by hyphens, e.g. {@code "int-ids"}
 * @param title a short human title, e.g. {@code "Int ids instead of strings"}
 */
public record Rung<D, R>(String number, String slug, String title, Supplier<? extends Step<D, R>> factory) {
    public Rung {
        if (!number.matches("\\d{2}")) {
            throw new IllegalArgumentException("step number must be two digits: " + number);
        }
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("slug must be lower-case words joined by hyphens: " + slug);
        }
    }

    /** {@code NN-slug}, e.g. {@code 05-int-ids}. */
    public String id() {
        return number + "-" + slug;
    }

    public Step<D, R> create() {
        return factory.get();
    }
}
