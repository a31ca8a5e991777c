package fasterjava.corrset.search;

/** A checkpoint file that cannot be used for this run: unreadable, or written for other data or options. */
public final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
