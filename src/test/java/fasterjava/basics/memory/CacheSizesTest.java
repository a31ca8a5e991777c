package fasterjava.basics.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSizesTest {

    private static void index(Path cache, int index, int level, String type, String size) throws IOException {
        Path dir = Files.createDirectories(cache.resolve("index" + index));
        Files.writeString(dir.resolve("level"), level + "\n");
        Files.writeString(dir.resolve("type"), type + "\n");
        Files.writeString(dir.resolve("size"), size + "\n");
    }

    @Test
    void sysfsListsDataAndUnifiedCachesButNotInstructionCaches(@TempDir Path cache) throws IOException {
        index(cache, 0, 1, "Data", "48K");
        index(cache, 1, 1, "Instruction", "32K");
        index(cache, 2, 2, "Unified", "1024K");
        index(cache, 3, 3, "Unified", "32768K");
        CacheSizes sizes = CacheSizes.fromSysfs(cache);
        assertEquals(List.of(new CacheSizes.Level("L1d", 48 << 10), new CacheSizes.Level("L2", 1 << 20),
                new CacheSizes.Level("L3", 32L << 20)), sizes.levels());
        assertEquals("L3", sizes.last().name());
        assertEquals(1 << 20, sizes.level("L2").bytes());
        assertNull(sizes.level("L4"));
    }

    @Test
    void aMissingOrBrokenSysfsGivesNoSizesAndSaysSo(@TempDir Path cache) throws IOException {
        CacheSizes missing = CacheSizes.fromSysfs(cache.resolve("absent"));
        assertTrue(missing.levels().isEmpty());
        assertTrue(missing.source().contains("not readable"), missing.source());
        index(cache, 0, 1, "Data", "lots");
        assertTrue(CacheSizes.fromSysfs(cache).levels().isEmpty());
    }

    @Test
    void getconfLinesWithSizesBecomeLevels() {
        String output = """
                LEVEL1_ICACHE_SIZE                 32768
                LEVEL1_DCACHE_SIZE                 49152
                LEVEL1_DCACHE_ASSOC                12
                LEVEL2_CACHE_SIZE                  1048576
                LEVEL3_CACHE_SIZE                  0
                LEVEL4_CACHE_SIZE
                PAGESIZE                           4096
                """;
        assertEquals(List.of(new CacheSizes.Level("L1d", 49152), new CacheSizes.Level("L2", 1048576)),
                CacheSizes.fromGetconf(output).levels());
        assertTrue(CacheSizes.fromGetconf("").levels().isEmpty());
    }

    @Test
    void sizesWithUnits() {
        assertEquals(48 << 10, CacheSizes.parseSize("48K"));
        assertEquals(32L << 20, CacheSizes.parseSize("32M"));
        assertEquals(512, CacheSizes.parseSize("512"));
    }
}
