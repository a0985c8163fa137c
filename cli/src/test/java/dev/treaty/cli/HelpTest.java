package dev.treaty.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's first minutes: {@code treaty COMMAND --help} and {@code treaty help COMMAND}
 * print the usage and exit 0 for every command and subcommand, even those with required options,
 * and no help text carries a picocli warning (a stray '%' in a description makes one).
 */
class HelpTest {

    @org.junit.jupiter.api.Test
    void eachCommandIsRegisteredUnderItsOwnName() {
        Main.COMMANDS.forEach((name, command) -> assertThat(new CommandLine(command).getCommandName()).as(name).isEqualTo(name));
        assertThat(Cli.run("--help").out()).contains("  gate ", "  lsp ", "  fmt ", "  apikey ");
    }

    @TestFactory
    Stream<DynamicTest> everyCommandHasHelp() {
        List<List<String>> commands = new ArrayList<>();
        CommandLine root = new CommandLine(new Main());
        Main.COMMANDS.forEach(root::addSubcommand);
        collect(root, new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThanOrEqualTo(25);
        return commands.stream().map(path -> DynamicTest.dynamicTest(String.join(" ", path), () -> {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            // picocli's own warnings go to System.err, not to the command's stream
            java.io.ByteArrayOutputStream systemErr = new java.io.ByteArrayOutputStream();
            java.io.PrintStream original = System.err;
            Cli.Result help;
            System.setErr(new java.io.PrintStream(systemErr, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                help = Cli.run(args.toArray(String[]::new));
                if (path.size() == 1) Cli.run("help", path.get(0));
            } finally {
                System.setErr(original);
            }
            assertThat(help.exit()).as(help.err()).isZero();
            assertThat(help.out()).startsWith("Usage: treaty " + String.join(" ", path));
            assertThat(help.out() + help.err() + systemErr).doesNotContain("picocli WARN", "%n", "Missing required");
            if (path.size() == 1) {
                Cli.Result viaHelp = Cli.run("help", path.get(0));
                assertThat(viaHelp.exit()).isZero();
                assertThat(viaHelp.out()).isEqualTo(help.out());
                assertThat(viaHelp.err()).isEmpty();
            }
        }));
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name) || name.equals("help")) return;      // aliases once
            List<String> next = new ArrayList<>(path);
            next.add(name);
            into.add(next);
            collect(sub, next, into);
        });
    }
}
