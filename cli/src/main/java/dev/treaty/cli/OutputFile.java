package dev.treaty.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file the user named with {@code --out}, safely: only ever a regular file or a new one
 * (never a device, a folder or a pipe), never through a symbolic link, and whole or not at all. The
 * content goes to a temporary file beside the target, which then replaces it in one move; on any
 * failure the temporary file is removed and the target is left as it was.
 */
final class OutputFile {

    /** Writes the content to a stream. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private OutputFile() {
    }

    static void write(Path target, String what, Body body) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target)) {
            throw new BadInputException(target + " is a symbolic link; Treaty writes " + what + " only to a file itself (give its real path)");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(target + " is not a regular file (a folder, a device or a pipe); " + what + " was not written");
        }
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            if (folder != null && !Files.isDirectory(folder)) Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + absolute.getFileName() + "-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                body.write(out);
            }
            if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // a temporary file is private; what was asked for is meant to be read by others
                Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException | java.io.UncheckedIOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new BadInputException("cannot write " + what + " to " + target + ": " + reason + "; nothing was written");
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the temporary file's folder went away with it
                }
            }
        }
    }
}
