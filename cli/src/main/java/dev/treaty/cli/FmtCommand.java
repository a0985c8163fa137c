package dev.treaty.cli;

import dev.treaty.language.TermFormatter;
import dev.treaty.model.AgreementFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code treaty fmt PATH… [--check]}: lays every term block out the one canonical way (the editor's formatting does the same). */
@Command(name = "fmt", mixinStandardHelpOptions = true, description = "Format the term blocks of *.treaty.md files in place: one statement"
        + " per line, two spaces per level, single spaces. Only the layout changes; a block with a syntax error is left as it is."
        + " With --check nothing is written and the exit code is " + ExitCodes.NOT_FORMATTED + " when a file would change.")
final class FmtCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or folders searched for *.treaty.md (not recursively).")
    List<Path> paths;

    @Option(names = "--check", description = "Write nothing; list the files that are not formatted and exit "
            + ExitCodes.NOT_FORMATTED + " if there are any.")
    boolean check;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = files();
        int changed = 0;
        for (Path file : files) {
            String text = read(file);
            String formatted = TermFormatter.formatDocument(file, text);
            if (formatted.equals(text)) continue;
            changed++;
            if (check) {
                out.println(file + ": not formatted");
            } else {
                OutputFile.write(file, "the formatted agreement", stream -> stream.write(formatted.getBytes(StandardCharsets.UTF_8)));
                out.println(file + ": formatted");
            }
        }
        out.println(changed + " of " + files.size() + " file" + (files.size() == 1 ? "" : "s")
                + (check ? " not formatted" : " formatted"));
        return check && changed > 0 ? ExitCodes.NOT_FORMATTED : ExitCodes.OK;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(p -> p.getFileName().toString().endsWith(AgreementFolder.SUFFIX) && Files.isRegularFile(p))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new BadInputException(path + ": cannot list folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new BadInputException(path + ": " + (Files.exists(path) ? "not a regular file or a folder" : "no such file or folder"));
            }
        }
        return files;
    }

    private static String read(Path file) {
        dev.treaty.language.Diagnostics problems = new dev.treaty.language.Diagnostics();
        return AgreementFolder.read(file, problems).orElseThrow(() -> new BadInputException(
                problems.sorted().getFirst().at().file() + ": " + problems.sorted().getFirst().message() + "; nothing was formatted"));
    }

}
