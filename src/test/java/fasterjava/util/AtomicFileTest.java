package fasterjava.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files behave like any other tool's: permissions, links, special files, leftovers, errors. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheUmasksPermissionsAndAnExistingOneKeepsItsOwn() throws IOException {
        // What this process's umask gives any new file, whatever the umask is.
        Path plain = dir.resolve("plain");
        try (OutputStream out = Files.newOutputStream(plain)) {
            out.write('x');
        }
        Path fresh = dir.resolve("fresh.txt");
        AtomicFile.writeText(fresh, "new");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh));

        for (String mode : new String[] {"rw-r--r--", "rw-------", "rw-rw-r--"}) {
            Path existing = Files.writeString(dir.resolve("existing-" + mode), "old");
            Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString(mode));
            AtomicFile.writeText(existing, "replaced");
            assertEquals("replaced", Files.readString(existing));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
        }
    }

    @Test
    void aSymbolicLinkIsWrittenThroughToItsTarget() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target.getFileName());
        AtomicFile.writeText(link, "through the link");
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("through the link", Files.readString(target));

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("nowhere/at-all"));
        IOException refused = assertThrows(IOException.class, () -> AtomicFile.writeText(dangling, "x"));
        assertTrue(refused.getMessage().contains("symbolic link to a missing file"), refused.getMessage());
        assertTrue(Files.isSymbolicLink(dangling));
    }

    @Test
    void specialFilesAndDirectoriesAreRefusedNotReplaced() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        IOException refused = assertThrows(IOException.class, () -> AtomicFile.writeText(fifo, "x"));
        assertTrue(refused.getMessage().contains("not a regular file (a FIFO, device or socket)"),
                refused.getMessage());
        assertFalse(Files.isRegularFile(fifo), "still a FIFO");
        IOException checked = assertThrows(IOException.class, () -> AtomicFile.checkWritable(fifo));
        assertTrue(checked.getMessage().contains("not a regular file"), checked.getMessage());

        Path folder = Files.createDirectory(dir.resolve("folder"));
        IOException directory = assertThrows(IOException.class, () -> AtomicFile.writeText(folder, "x"));
        assertTrue(directory.getMessage().endsWith("it is a directory; refusing to replace it"),
                directory.getMessage());
    }

    @Test
    void aLeftoverTemporaryFileIsReplacedAndAFailedWriteLeavesNothing() throws IOException {
        Path file = dir.resolve("result.csv");
        Path partial = dir.resolve(".result.csv.partial");
        Files.writeString(partial, "what a killed run left");
        AtomicFile.writeText(file, "complete");
        assertEquals("complete", Files.readString(file));
        assertFalse(Files.exists(partial));

        IOException failed = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + file + ": No space left on device", failed.getMessage());
        assertEquals("complete", Files.readString(file), "the good file is untouched");
        assertFalse(Files.exists(partial));
    }

    @Test
    void aFolderThatCannotBeCreatedGivesTheFileAndTheReason() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        IOException error = assertThrows(IOException.class,
                () -> AtomicFile.writeText(blocker.resolve("sub/out.txt"), "x"));
        assertTrue(error.getMessage().startsWith("cannot write " + blocker.resolve("sub/out.txt") + ": ")
                && error.getMessage().toLowerCase(java.util.Locale.ROOT).contains("not a directory"),
                error.getMessage());
        IOException checked = assertThrows(IOException.class,
                () -> AtomicFile.checkWritableFolder(blocker.resolve("sub")));
        assertEquals("cannot write into " + blocker.resolve("sub") + ": a path component is not a directory",
                checked.getMessage());
        IOException notAFolder = assertThrows(IOException.class, () -> AtomicFile.checkWritableFolder(blocker));
        assertEquals("cannot write into " + blocker + ": it is not a directory", notAFolder.getMessage());
    }
}
