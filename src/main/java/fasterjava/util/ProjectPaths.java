package fasterjava.util;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project lives, so commands and notebooks find {@code data/} and {@code results/} wherever they are
 * started from: the {@code faster.root} system property (set by {@code bin/faster}), else the {@code FASTER_ROOT}
 * environment variable (set by the notebook kernel), else the nearest directory above the working directory that
 * holds the project's {@code pom.xml} and {@code data/}.
 */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    public static Path root() {
        String property = System.getProperty("faster.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String env = System.getenv("FASTER_ROOT");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("data"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    public static Path data() {
        return root().resolve("data");
    }

    public static Path results() {
        return root().resolve("results");
    }
}
