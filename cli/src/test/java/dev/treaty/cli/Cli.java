package dev.treaty.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the treaty command in-process, capturing what it prints. */
final class Cli {

    record Result(int exit, String out, String err) {
        /** stdout, then stderr, then the exit code: the form golden files hold. */
        String transcript() {
            return out + (err.isEmpty() ? "" : "--- stderr ---\n" + err) + "--- exit " + exit + " ---\n";
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** The repository root, as the build sets it. */
    static Path root() {
        String root = System.getProperty("treaty.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    /** The flagship example, as a path relative to the module (stable in golden files). */
    static String flagship() {
        return "../examples/microsoft-openai";
    }
}
