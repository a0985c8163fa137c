package dev.treaty.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM started by a test: the same java, and the test JVM's temporary
 * folder (the module's target, see the parent pom), since a child killed on purpose leaves its
 * unpacked native libraries behind.
 */
final class ChildJava {

    private ChildJava() {
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        command.addAll(List.of(args));
        return command;
    }
}
