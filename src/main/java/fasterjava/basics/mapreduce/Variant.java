package fasterjava.basics.mapreduce;

/**
 * The ways of computing word counts that the MapReduce topic times, grouped by the question each group answers.
 * The Spark module runs them ({@code bin/faster spark basics mapreduce}); the topic reads them back by
 * {@link #label()}.
 */
public enum Variant {
    PLAIN_JAVA(Question.BASELINE, "plain-java", "one thread, a HashMap loop (the oracle)"),
    REDUCE_BY_KEY(Question.COMBINER, "reduceByKey", "counts summed per partition before the shuffle"),
    GROUP_BY_KEY(Question.COMBINER, "groupByKey", "every occurrence shuffled, counted after"),
    TWO_ACTIONS(Question.TWO_OUTPUTS, "two-actions", "word count, then character count: the text read twice"),
    TWO_ACTIONS_PERSISTED(Question.TWO_OUTPUTS, "two-actions-persisted",
            "the same two actions on words kept in memory by persist()"),
    ONE_PASS(Question.TWO_OUTPUTS, "one-pass", "both counts from one job: keys tagged word or character"),
    LOCAL_1(Question.CORES, "local[1]", "word count (reduceByKey) on one core"),
    LOCAL_2(Question.CORES, "local[2]", "word count (reduceByKey) on two cores");

    /** What a group of variants is compared for. */
    public enum Question {
        BASELINE("baseline"),
        COMBINER("combiner"),
        TWO_OUTPUTS("two-outputs"),
        CORES("cores");

        private final String label;

        Question(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Question question;
    private final String label;
    private final String description;

    Variant(Question question, String label, String description) {
        this.question = question;
        this.label = label;
        this.description = description;
    }

    public Question question() {
        return question;
    }

    /** The name in tables, charts and JSON: {@code reduceByKey}, {@code local[2]}. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The variant labelled {@code label}. */
    public static Variant ofLabel(String label) {
        for (Variant variant : values()) {
            if (variant.label.equals(label)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + label + "'");
    }
}
