package fasterjava.util;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar with ETA on stderr, shown only once a task has run for a second (short runs stay quiet).
 * On a terminal it redraws one line at most ten times a second; when stderr is a file or pipe (CI logs) it prints
 * a plain line at every further tenth instead. Safe to call from many threads.
 */
public final class ConsoleProgress implements Progress {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final AtomicLong done = new AtomicLong();
    private volatile String task = "";
    private volatile long total;
    private volatile long startNanos;
    private long lastDrawNanos;
    private int lastTenth;
    private boolean drawn;
    private String lastWarning;

    public ConsoleProgress() {
        this(System.err, System.console() != null && System.console().isTerminal());
    }

    public ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void start(String task, long total) {
        this.task = task;
        this.total = total;
        this.done.set(0);
        this.startNanos = System.nanoTime();
        this.lastDrawNanos = 0;
        this.lastTenth = 0;
        this.drawn = false;
    }

    @Override
    public void advance(long units) {
        long now = done.addAndGet(units);
        long nanos = System.nanoTime();
        if (nanos - startNanos < SHOW_AFTER_NANOS) {
            return;
        }
        synchronized (this) {
            if (terminal) {
                if (nanos - lastDrawNanos >= REDRAW_NANOS) {
                    lastDrawNanos = nanos;
                    out.print("\r" + line(now, nanos));
                    out.flush();
                    drawn = true;
                }
            } else if (total > 0) {
                int tenth = (int) Math.min(10, now * 10 / total);
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    out.println(line(now, nanos));
                    drawn = true;
                }
            }
        }
    }

    @Override
    public synchronized void finish() {
        if (drawn && terminal) {
            out.print("\r" + line(done.get(), System.nanoTime()) + "\n");
            out.flush();
        }
        drawn = false;
    }

    /** Prints {@code message} on its own line (once, however often the same problem repeats). */
    @Override
    public synchronized void warn(String message) {
        if (message.equals(lastWarning)) {
            return;
        }
        lastWarning = message;
        out.print((drawn && terminal ? "\n" : "") + "faster: warning: " + message + "\n");
        out.flush();
    }

    /** The last problem reported with {@link #warn}, or null if there was none. */
    public synchronized String lastWarning() {
        return lastWarning;
    }

    String line(long now, long nanos) {
        double elapsed = (nanos - startNanos) / 1e9;
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s: %,d done, %s elapsed", task, now, duration(elapsed));
        }
        double fraction = Math.min(1.0, (double) now / total);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String eta = fraction > 0 ? duration(elapsed * (1 - fraction) / fraction) : "?";
        return String.format(Locale.ROOT, "%s [%s%s] %5.1f%% %s elapsed, ETA %s", task, "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), fraction * 100, duration(elapsed), eta);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
