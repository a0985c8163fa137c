package dev.treaty.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares output with a golden file. With {@code -Dtreaty.updateGolden=true} the golden file is
 * rewritten instead, to be reviewed in the diff and explained in the commit.
 */
final class Golden {

    private Golden() {
    }

    static void assertMatches(Path golden, String actual) {
        try {
            if (Boolean.getBoolean("treaty.updateGolden")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual);
                return;
            }
            assertThat(golden).as("golden file (regenerate with -Dtreaty.updateGolden=true)").exists();
            assertThat(actual).as("output compared with " + golden).isEqualTo(Files.readString(golden));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
