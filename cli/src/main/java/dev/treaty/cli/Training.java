package dev.treaty.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run behind {@code ./treaty}'s start-up cache: the main commands on the bundled
 * flagship, one after another in one JVM, their output discarded. The launcher runs it once after
 * each build with {@code -XX:AOTCacheOutput} (JDK 25 and later: an ahead-of-time cache of the
 * classes loaded and linked, and of method profiles) or {@code -XX:ArchiveClassesAtExit} (JDK 21
 * to 24: a class-data sharing archive), so that whichever command runs first afterwards, every
 * command starts from a cache that holds the classes of all of them.
 */
final class Training {

    private Training() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : System.getProperty("treaty.home", "."));
        Path flagship = root.resolve("examples/microsoft-openai");
        if (!Files.isDirectory(flagship)) {
            System.err.println("treaty: no training: " + flagship + " is missing");
            return;
        }
        String folder = flagship.toString();
        String events = flagship.resolve("facts/events.jsonl").toString();
        String revenue = flagship.resolve("facts/revenue.csv").toString();
        List<String[]> commands = List.of(
                new String[]{"--help"},
                new String[]{"check", folder},
                new String[]{"check", "--json", folder},
                new String[]{"show", folder, "--on", "2026-06-01"},
                new String[]{"timeline", folder},
                new String[]{"diff", folder, "--from", "2026-04-26", "--to", "2026-04-27"},
                new String[]{"gate", folder, "--events", events, "--product", "research-assistant", "--cloud", "gcp", "--on", "2026-09-15"},
                new String[]{"gate", folder, "--events", events, "--product", "chatgpt", "--cloud", "azure", "--on", "2026-06-01", "--json"},
                new String[]{"license", folder, "--events", events, "--licensee", "Microsoft", "--class", "models", "--on", "2026-06-01"},
                new String[]{"settle", folder, "--revenue", revenue, "--events", events, "--from", "2026-01-01", "--through", "2026-12-31",
                        "--term", "openai-to-microsoft"},
                new String[]{"settle", folder, "--revenue", revenue, "--events", events, "--from", "2026-01-01", "--through", "2026-12-31",
                        "--term", "openai-to-microsoft", "--json"},
                new String[]{"obligations", folder, "--events", events, "--on", "2026-06-01"},
                new String[]{"test", folder},
                new String[]{"fmt", "--check", folder});
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        for (String[] command : commands) Main.run(command, nowhere, nowhere);
    }
}
