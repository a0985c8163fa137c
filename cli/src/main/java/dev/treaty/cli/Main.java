package dev.treaty.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The {@code treaty} command. */
@Command(name = "treaty", mixinStandardHelpOptions = true, version = "treaty 0.1.0",
        description = "Partnership agreements as code: reads literate agreement files, applies every amendment"
                + " at its effective date, and answers what is in force on any date.")
public final class Main implements Runnable {

    /**
     * The commands by name, in the order help lists them. Picocli builds a command's model by
     * reflection when it is registered, which for all of them is a third of a short command's
     * start-up; so a command line naming one of these registers just that one (see {@link #execute}).
     */
    static final java.util.SequencedMap<String, Class<?>> COMMANDS = new java.util.LinkedHashMap<>();

    static {
        COMMANDS.put("check", CheckCommand.class);
        COMMANDS.put("fmt", FmtCommand.class);
        COMMANDS.put("lsp", LspCommand.class);
        COMMANDS.put("timeline", TimelineCommand.class);
        COMMANDS.put("show", ShowCommand.class);
        COMMANDS.put("diff", DiffCommand.class);
        COMMANDS.put("settle", SettleCommand.class);
        COMMANDS.put("gate", GateCommand.class);
        COMMANDS.put("license", LicenseCommand.class);
        COMMANDS.put("buy", BuyCommand.class);
        COMMANDS.put("stake", StakeCommand.class);
        COMMANDS.put("commitment", CommitmentCommand.class);
        COMMANDS.put("obligations", ObligationsCommand.class);
        COMMANDS.put("gen-revenue", GenRevenueCommand.class);
        COMMANDS.put("simulate", SimulateCommand.class);
        COMMANDS.put("report", ReportCommand.class);
        COMMANDS.put("serve", ServeCommand.class);
        COMMANDS.put("init", StoreCommands.Init.class);
        COMMANDS.put("agreement", StoreCommands.Agreement.class);
        COMMANDS.put("ingest", StoreCommands.IngestCommand.class);
        COMMANDS.put("correct", StoreCommands.CorrectCommand.class);
        COMMANDS.put("statement", StoreCommands.StatementGroup.class);
        COMMANDS.put("balance", StoreCommands.Balance.class);
        COMMANDS.put("verify", StoreCommands.VerifyCommand.class);
        COMMANDS.put("apikey", ServiceCommands.ApiKey.class);
        COMMANDS.put("replay", ServiceCommands.Replay.class);
        COMMANDS.put("demo", DemoCommand.class);
        COMMANDS.put("test", TestCommand.class);
        COMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs a command line with the given streams; returns the exit code. Never 1 for a failure
     * (1 means DENIED or NOT LICENSED): bad input is 2, and anything else, even an error the JVM
     * raises, is 70 with a one-line message.
     */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        PrintWriter out = new PrintWriter(new SafeWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new SafeWriter(rawErr), true);
        try {
            return execute(args, out, err);
        } catch (StackOverflowError e) {
            err.println("treaty: internal error: an input nested deeper than Treaty can follow, and no limit caught it first"
                    + " (a bug in Treaty; please report it with the command you ran)");
            return ExitCodes.INTERNAL;
        } catch (OutOfMemoryError e) {
            err.println("treaty: internal error: out of memory, and no limit caught the input first (a bug in Treaty; please report"
                    + " it with the command you ran)");
            return ExitCodes.INTERNAL;
        } catch (Throwable e) {
            err.println("treaty: internal error: " + e + " (a bug in Treaty; please report it with the command you ran)");
            if (System.getenv("TREATY_DEBUG") != null) e.printStackTrace(err);
            return ExitCodes.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        // only the command named, when it is one (not help, which lists them all); anything else gets them all, for help and suggestions
        String named = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(named) && !named.equals("help")) {
            commandLine.addSubcommand(named, COMMANDS.get(named));
        } else {
            COMMANDS.forEach(commandLine::addSubcommand);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.registerConverter(LocalDate.class, Dates::parseDate);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof BadInputException bad) {
                if (bad.getMessage() != null && !bad.getMessage().isEmpty()) cmd.getErr().println("treaty: " + bad.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (exception instanceof dev.treaty.evaluator.settle.SettlementException refused) {
                cmd.getErr().println("treaty: " + refused.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (exception instanceof dev.treaty.app.BadRequest bad) {
                bad.details().forEach(cmd.getErr()::println);
                cmd.getErr().println("treaty: " + bad.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            cmd.getErr().println("treaty: internal error: " + exception
                    + " (a bug in Treaty; please report it with the command you ran)");
            if (System.getenv("TREATY_DEBUG") != null) exception.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine cmd = exception.getCommandLine();
            // picocli checks required options before it complains of unknown ones; a misspelt
            // required option would then be reported as missing, which hides the real mistake
            Optional<String> unknown = exception instanceof CommandLine.MissingParameterException
                    ? unknownLongOption(cmd, arguments) : Optional.empty();
            if (unknown.isPresent()) {
                CommandLine.UnmatchedArgumentException unmatched = new CommandLine.UnmatchedArgumentException(cmd, List.of(unknown.get()));
                cmd.getErr().println("treaty: Unknown option: '" + unknown.get() + "'");
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, cmd.getErr());
            } else {
                cmd.getErr().println("treaty: " + exception.getMessage());
            }
            cmd.getErr().println("Usage: see 'treaty " + qualifiedName(cmd) + "--help'");
            return ExitCodes.BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    /** The first "--name" among the arguments that the command does not know, if any. */
    private static Optional<String> unknownLongOption(CommandLine command, String[] arguments) {
        for (String argument : arguments) {
            if (argument.equals("--")) break;
            if (!argument.startsWith("--")) continue;
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (command.getCommandSpec().findOption(name) == null) return Optional.of(name);
        }
        return Optional.empty();
    }

    /** "statement issue ": the command's words after "treaty", for a hint. */
    private static String qualifiedName(CommandLine command) {
        StringBuilder name = new StringBuilder();
        for (CommandLine at = command; at != null && at.getParent() != null; at = at.getParent()) {
            name.insert(0, at.getCommandName() + " ");
        }
        return name.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
