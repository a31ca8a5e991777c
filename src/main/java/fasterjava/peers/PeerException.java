package fasterjava.peers;

/** The Python side failed: the process could not run, exited with an error, or printed what cannot be parsed. */
public final class PeerException extends RuntimeException {
    public PeerException(String message) {
        super(message);
    }

    public PeerException(String message, Throwable cause) {
        super(message, cause);
    }
}
