package fasterjava.ladder;

/** A step's result differs from the baseline (or an earlier verified step): the run stops, nothing is timed. */
public final class VerificationException extends RuntimeException {
    public VerificationException(String message) {
        super(message);
    }
}
