package fasterjava.notebook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Catches what a test prints on {@code System.out}, where the notebook calls write what the kernel shows under a
 * cell: from before each test until after it, then the original stream is put back. Register it with
 * {@code @RegisterExtension final StandardOutCapture stdout = new StandardOutCapture();}.
 */
final class StandardOutCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream original;

    @Override
    public void beforeEach(ExtensionContext context) {
        original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(original);
    }

    /** All printed since the test began or since the last {@link #reset}. */
    String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far, so the next {@link #output} holds only what a cell prints after it. */
    void reset() {
        printed.reset();
    }
}
