package dev.treaty.cli;

import dev.treaty.lsp.TreatyLanguageServer;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.concurrent.Callable;

/**
 * {@code treaty lsp}: the language server for editors, over stdin and stdout. Nothing else may
 * write to stdout while it runs, so it takes the raw descriptors, not the command's writer.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, description = "Run the language server (Language Server Protocol over stdin"
        + " and stdout) that editors start: the diagnostics of treaty check as you type, hovers with the value in force,"
        + " definitions, references, completion, outline, quick fixes and formatting. See docs/editors.md.")
final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return TreatyLanguageServer.serve(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    }
}
