package fasterjava.basics.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The data-cache sizes of this machine's first CPU, as the operating system reports them: Linux's
 * {@code /sys/devices/system/cpu/cpu0/cache/index*}, else {@code getconf}, which asks the CPU itself (CPUID on
 * x86). Virtual machines may hide the first and report the host's figures through the second; the staircase
 * measured beside them shows what the program actually sees.
 *
 * @param levels data and unified caches, smallest level first (empty when nothing was readable)
 * @param source where the sizes came from, or why there are none
 */
record CacheSizes(List<Level> levels, String source) {
    static final Path SYSFS = Path.of("/sys/devices/system/cpu/cpu0/cache");
    private static final long GETCONF_WAIT_SECONDS = 5;

    /**
     * One cache level.
     *
     * @param name {@code L1d}, {@code L2}, {@code L3}
     * @param bytes its size
     */
    record Level(String name, long bytes) {
    }

    CacheSizes {
        levels = List.copyOf(levels);
    }

    /** Sysfs when it lists caches, else {@code getconf}, else none (with the reason as the source). */
    static CacheSizes ofThisMachine() {
        CacheSizes sysfs = fromSysfs(SYSFS);
        if (!sysfs.levels().isEmpty()) {
            return sysfs;
        }
        try {
            Process process = new ProcessBuilder("getconf", "-a").redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(GETCONF_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            CacheSizes getconf = fromGetconf(output);
            if (!getconf.levels().isEmpty()) {
                return getconf;
            }
        } catch (IOException e) {
            // No getconf here (not Linux, or a minimal system): no sizes.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new CacheSizes(List.of(), "cache sizes not readable here (no " + SYSFS + ", no getconf)");
    }

    /** The data and unified caches listed under {@code dir} ({@code index0/level}, {@code type}, {@code size}). */
    static CacheSizes fromSysfs(Path dir) {
        List<Level> levels = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path index : entries.filter(p -> p.getFileName().toString().startsWith("index")).toList()) {
                String type = Files.readString(index.resolve("type")).trim();
                if (type.equals("Instruction")) {
                    continue;
                }
                String level = Files.readString(index.resolve("level")).trim();
                long bytes = parseSize(Files.readString(index.resolve("size")).trim());
                levels.add(new Level("L" + level + (type.equals("Data") ? "d" : ""), bytes));
            }
        } catch (IOException | RuntimeException e) {
            return new CacheSizes(List.of(), dir + " not readable");
        }
        levels.sort(Comparator.comparing(Level::name));
        return new CacheSizes(levels, dir.toString());
    }

    /** The {@code LEVELn_(D)CACHE_SIZE} lines of {@code getconf -a}; empty or zero sizes are left out. */
    static CacheSizes fromGetconf(String output) {
        List<Level> levels = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 2 || !fields[0].matches("LEVEL[1-4]_(DCACHE|CACHE)_SIZE")) {
                continue;
            }
            long bytes;
            try {
                bytes = Long.parseLong(fields[1]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (bytes > 0) {
                levels.add(new Level("L" + fields[0].charAt(5) + (fields[0].contains("DCACHE") ? "d" : ""), bytes));
            }
        }
        return new CacheSizes(levels, "getconf (the CPU's own report)");
    }

    /** {@code 48K}, {@code 1024K}, {@code 32M}, or plain bytes. */
    static long parseSize(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        long unit = upper.endsWith("K") ? 1L << 10 : upper.endsWith("M") ? 1L << 20 : upper.endsWith("G") ? 1L << 30
                : 1;
        String digits = unit == 1 ? upper : upper.substring(0, upper.length() - 1);
        return Long.parseLong(digits) * unit;
    }

    /** The level with this name ({@code L1d}, {@code L2}), or null. */
    Level level(String name) {
        return levels.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    /** The largest level: the last-level cache. */
    Level last() {
        return levels.isEmpty() ? null : levels.get(levels.size() - 1);
    }
}
