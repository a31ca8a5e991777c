package fasterjava.basics.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReadsTest {

    @Test
    void readsAreCheckedTimedAndTheFileIsDeleted(@TempDir Path dir) throws Exception {
        FileReads.Timings timings = FileReads.measure(dir, 2, 50, 2, 1);
        assertEquals(2L << 20, timings.fileBytes());
        assertTrue(timings.cachedPerMib() > 0 && timings.cachedRandomPage() > 0, timings.toString());
        if (Double.isNaN(timings.directPerMib())) {
            // Direct I/O refused here (tmpfs): the note must say so, and only the cached read was checked.
            assertTrue(timings.directNote().contains("not possible") || timings.directNote().contains("failed"),
                    timings.directNote());
            assertEquals(1, timings.checked());
        } else {
            assertTrue(timings.directRandomPage() > 0, timings.toString());
            assertEquals(2, timings.checked());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the measurement's file is deleted");
        }
    }

    @Test
    void byteSizesReadNaturally() {
        assertEquals("4 KiB", ByteSizes.format(4096));
        assertEquals("5.66 KiB", ByteSizes.format(5792));
        assertEquals("256 MiB", ByteSizes.format(256L << 20));
        assertEquals("2 GiB", ByteSizes.format(2L << 30));
        assertEquals("100 B", ByteSizes.format(100));
    }
}
