package dev.treaty.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code treaty lsp}: the Language Server Protocol over a pair of streams (stdin and stdout when
 * an editor starts it). The work is done by {@link TreatyTextDocuments}; this class answers the
 * protocol's lifecycle and states what the server can do.
 *
 * <p>Initialization options: {@code {"today": "2026-06-01"}} fixes the day hovers call today
 * (tests and demos), {@code {"debounceMillis": 25}} how long typing must pause before the folder
 * is checked again.
 */
public final class TreatyLanguageServer implements LanguageServer, LanguageClientAware {

    private final TreatyTextDocuments documents = new TreatyTextDocuments();
    private final WorkspaceService workspace = new WorkspaceService() {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
            // no settings yet
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            params.getChanges().forEach(change -> documents.changedOnDisk(change.getUri()));
        }
    };
    private int exitCode = 1;     // exit without shutdown is an error, as the protocol says
    private volatile java.util.concurrent.Future<Void> listening;

    /** Serves one client on {@code in} and {@code out} until it exits; returns the exit code the protocol asks for. */
    public static int serve(InputStream in, OutputStream out) {
        TreatyLanguageServer server = new TreatyLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        try {
            server.listening = launcher.startListening();
            server.listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // the client went away, or asked the server to exit
        }
        server.documents.close();
        return server.exitCode;
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getInitializationOptions() instanceof JsonElement element && element.isJsonObject()) {
            JsonObject options = element.getAsJsonObject();
            if (options.get("today") instanceof JsonPrimitive today) {
                try {
                    documents.today(LocalDate.parse(today.getAsString()));
                } catch (DateTimeParseException e) {
                    // a bad date: today stays the real today
                }
            }
            if (options.get("debounceMillis") instanceof JsonPrimitive pause && pause.isNumber()) {
                documents.debounceMillis(Math.max(0, Math.min(2000, pause.getAsInt())));
            }
        }
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
        capabilities.setHoverProvider(true);
        capabilities.setDefinitionProvider(true);
        capabilities.setReferencesProvider(true);
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of("$")));
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setFoldingRangeProvider(true);
        capabilities.setDocumentFormattingProvider(true);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(Highlighting.LEGEND);
        tokens.setFull(true);
        capabilities.setSemanticTokensProvider(tokens);
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("treaty", "0.1.0")));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        exitCode = 0;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        documents.close();
        java.util.concurrent.Future<Void> running = listening;
        if (running != null) running.cancel(true);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
