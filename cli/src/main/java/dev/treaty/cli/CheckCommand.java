package dev.treaty.cli;

import dev.treaty.report.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.language.Diagnostic;
import dev.treaty.language.DiagnosticPrinter;
import dev.treaty.model.AgreementFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code treaty check PATH…}: every problem in every file. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check agreement folders or files and report every problem:"
        + " path:line:col: error|warning: message, with the source line and the clause it sits in.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders of *.treaty.md files, or files. Each folder is checked on its own.")
    List<Path> paths;

    @Option(names = "--assume", paramLabel = "NAME=VALUE", description = "Override a named assumption. Repeatable.")
    Map<String, String> assume = new java.util.LinkedHashMap<>();

    @Option(names = "--json", description = "Print JSON for machines instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int errors = 0;
        int warnings = 0;
        int files = 0;
        int unreported = 0;
        ArrayNode all = Json.array();
        for (Path path : paths) {
            AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(path), assume);
            // a file refused unread (too large, not UTF-8) has no source but was still checked
            java.util.Set<Path> checked = new java.util.HashSet<>();
            checked.addAll(loaded.sources().keySet());
            loaded.diagnostics().forEach(diagnostic -> checked.add(diagnostic.at().file()));
            files += checked.size();
            unreported += loaded.unreported();
            DiagnosticPrinter printer = new DiagnosticPrinter(loaded.sources());
            for (Diagnostic diagnostic : loaded.diagnostics()) {
                if (diagnostic.isError()) errors++;
                else warnings++;
                if (json) {
                    ObjectNode node = all.addObject();
                    node.put("file", diagnostic.at().file().toString());
                    node.put("line", diagnostic.at().line());
                    node.put("column", diagnostic.at().column());
                    node.put("severity", diagnostic.severity().label());
                    node.put("message", diagnostic.message());
                    node.put("clause", diagnostic.context());
                } else {
                    out.print(printer.print(diagnostic));
                }
            }
        }
        if (json) {
            ObjectNode result = Json.object();
            result.put("files", files).put("errors", errors).put("warnings", warnings).put("unreported", unreported);
            result.set("diagnostics", all);
            Json.print(out, result);
        } else {
            String summary = errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                    + (warnings == 1 ? "" : "s") + " in " + files + " file" + (files == 1 ? "" : "s");
            if (unreported > 0) {
                summary += "; " + unreported + " more not shown (the limit DIAGNOSTICS_MAX is " + dev.treaty.language.Limits.DIAGNOSTICS_MAX
                        + "): fix these first";
            }
            out.println(errors == 0 && unreported == 0 ? "ok: " + summary : summary);
        }
        out.flush();
        return errors == 0 && unreported == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
