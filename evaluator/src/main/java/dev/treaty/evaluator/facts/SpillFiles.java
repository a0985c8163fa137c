package dev.treaty.evaluator.facts;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Temporary files for sorted runs spilled to disk. Each is opened and then unlinked at once, so it
 * has no name: the process reads and writes it through its channel, and whenever the process ends,
 * killed or not, the system takes the space back. Nothing is left in the temporary folder.
 */
final class SpillFiles {

    private SpillFiles() {
    }

    /** A new nameless file, open for reading and writing. */
    static FileChannel create(String prefix) throws IOException {
        Path path = Files.createTempFile(prefix, ".run");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            Files.delete(path);
        } catch (IOException notOnThisSystem) {
            // where an open file cannot be unlinked (not POSIX), it goes when the channel closes
            channel.close();
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        }
        return channel;
    }
}
