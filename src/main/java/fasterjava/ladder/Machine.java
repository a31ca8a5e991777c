package fasterjava.ladder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line saying where a measurement was made: CPU, cores, JDK, OS. Printed with every table. */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the architecture below still says something.
        }
        return "unknown CPU";
    }
}
