package fasterjava.basics.async;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many loopback connections fit under this process's open-file limit ({@code ulimit -n}, RLIMIT_NOFILE): each
 * connection costs two descriptors here, the client's socket and the server's, and the JVM keeps its own files
 * (jars, the selector, the pollers) open too. Java cannot raise the limit itself; the shell that starts the JVM
 * can ({@code ulimit -n}), up to the hard limit.
 *
 * @param limit the most descriptors this process may have open (-1 when the platform does not say)
 * @param open how many it has open now (-1 when the platform does not say)
 */
record FileDescriptors(long limit, long open) {
    /** Descriptors left for everything else while the connections are open. */
    static final int RESERVE = 512;

    static FileDescriptors ofThisProcess() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            return new FileDescriptors(unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
        }
        return new FileDescriptors(-1, -1);
    }

    /** {@code wanted}, or fewer if two descriptors per connection would not fit beside the reserve. */
    int connectionsThatFit(int wanted) {
        if (limit < 0 || open < 0) {
            return wanted;
        }
        return (int) Math.max(0, Math.min(wanted, (limit - open - RESERVE) / 2));
    }
}
