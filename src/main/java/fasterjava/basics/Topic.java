package fasterjava.basics;

import java.util.function.Consumer;

/**
 * One topic of the basics track: a claim about performance, measured on this machine. Its {@code NN-slug} names
 * the class's notebook ({@code notebooks/basics/NN-slug.ipynb}), the CLI's {@code bin/faster basics <slug>} and
 * the results files ({@code results/basics-<slug>.*}). Implementations check what they measure (two algorithms
 * give the same answer) before they report a time.
 */
public interface Topic {
    /** Two digits, the reading order: {@code "01"}. */
    String number();

    /** One lower-case word or hyphenated words: {@code "growth"}, {@code "strings"}. */
    String slug();

    /** A short human title. */
    String title();

    /** Runs the topic's measurements at {@code size}; one line per event (progress, checks) goes to {@code log}. */
    TopicReport run(Size size, Consumer<String> log);

    /** {@code NN-slug}. */
    default String id() {
        return number() + "-" + slug();
    }
}
