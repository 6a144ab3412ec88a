package dev.weft.weaver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file in one step, so that no reader ever sees it half written: the new content goes to a temporary file
 * created fresh beside it ({@code Foo.class.123456.weft-tmp}), which {@link #commit()} moves over the original.
 * {@link #close()} deletes the temporary file if it was not moved, so a failure or an interruption leaves the original
 * as it was and nothing else. A run killed outright can leave a temporary file behind; each run makes its own with a
 * name of its own, so a stale one is never reused nor in the way (it does not end in {@code .class} either, so no
 * weaving run reads it).
 */
final class FileReplacement implements AutoCloseable {
    private final Path file;
    private final Path temporary;
    private boolean committed;

    /** Creates the temporary file beside {@code file}, on the same file system so that the move can be atomic. */
    FileReplacement(Path file) throws IOException {
        this.file = file;
        Path directory = file.toAbsolutePath().getParent();
        this.temporary = Files.createTempFile(directory, file.getFileName() + ".", ".weft-tmp");
    }

    /** Writes {@code bytes} over {@code file} in one step. */
    static void write(Path file, byte[] bytes) throws IOException {
        try (FileReplacement replacement = new FileReplacement(file)) {
            Files.write(replacement.temporary, bytes);
            replacement.commit();
        }
    }

    /** A new stream over the temporary file, to write the content with. */
    OutputStream output() throws IOException {
        return Files.newOutputStream(temporary);
    }

    /**
     * Moves the temporary file over the original, with the original's permissions (a temporary file is created
     * readable by its owner only).
     */
    void commit() throws IOException {
        if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temporary);
        }
    }
}
