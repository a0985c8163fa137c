package dev.treaty.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A client talking to a real {@link TreatyLanguageServer} over a pair of pipes, as an editor
 * talks to {@code treaty lsp} over stdio: every request and notification goes through JSON-RPC.
 * Keeps the last diagnostics published for each file.
 */
public final class LspSession implements AutoCloseable {

    private static final Gson GSON = new org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler(Map.of()).getDefaultGsonBuilder()
            .setPrettyPrinting().disableHtmlEscaping().create();

    public final LanguageServer server;
    private final Map<String, PublishDiagnosticsParams> diagnostics = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final CompletableFuture<Integer> serving;
    private final Path folder;
    private final Object published = new Object();
    private long publications;

    public LspSession(Path folder, String today) throws IOException {
        this.folder = folder;
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        serving = new CompletableFuture<>();
        Thread serverThread = new Thread(() -> serving.complete(TreatyLanguageServer.serve(serverIn, serverOut)), "treaty-lsp-under-test");
        serverThread.setDaemon(true);
        serverThread.start();
        LanguageClient client = new LanguageClient() {
            @Override
            public void telemetryEvent(Object object) {
            }

            @Override
            public void publishDiagnostics(PublishDiagnosticsParams params) {
                synchronized (published) {
                    diagnostics.put(params.getUri(), params);
                    publications++;
                    published.notifyAll();
                }
            }

            @Override
            public void showMessage(MessageParams params) {
            }

            @Override
            public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void logMessage(MessageParams message) {
            }
        };
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams initialize = new InitializeParams();
        initialize.setCapabilities(new ClientCapabilities());
        JsonObject options = new JsonObject();
        options.addProperty("today", today);
        options.addProperty("debounceMillis", 0);
        initialize.setInitializationOptions(options);
        initialize.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(folder.toUri().toString(), "folder")));
        await(server.initialize(initialize));
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not answer: " + e, e);
        }
    }

    public String uri(String file) {
        return folder.resolve(file).toUri().toString();
    }

    public TextDocumentIdentifier document(String file) {
        return new TextDocumentIdentifier(uri(file));
    }

    public long publications() {
        synchronized (published) {
            return publications;
        }
    }

    public void open(String file) throws IOException {
        versions.put(file, 1);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(file), "treaty", 1, Files.readString(folder.resolve(file)))));
    }

    public void change(String file, String text) {
        int version = versions.merge(file, 1, Integer::sum);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(file), version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** Waits until {@code count} more publications than {@code since} have arrived (a check publishes one per file). */
    public void awaitPublications(long since, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        synchronized (published) {
            while (publications < since + count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no diagnostics published");
                try {
                    published.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * Waits for the diagnostics of an open file's current text: a check of an earlier text may
     * still be publishing when a change is sent, so counting publications is not enough.
     */
    public PublishDiagnosticsParams awaitDiagnostics(String file) {
        int version = versions.get(file);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        synchronized (published) {
            while (true) {
                PublishDiagnosticsParams params = diagnostics.get(uri(file));
                if (params != null && params.getVersion() != null && params.getVersion() == version) return params;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no diagnostics for version " + version + " of " + file);
                try {
                    published.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** The last diagnostics published for every file, by URI. */
    public Map<String, PublishDiagnosticsParams> allDiagnostics() {
        return Map.copyOf(diagnostics);
    }

    public PublishDiagnosticsParams diagnostics(String file) {
        return diagnostics.get(uri(file));
    }

    /** The position of the {@code nth} (0-based) occurrence of {@code needle} in a file, {@code into} characters into it. */
    public Position at(String file, String needle, int nth, int into) throws IOException {
        List<String> lines = Files.readString(folder.resolve(file)).lines().toList();
        int seen = 0;
        for (int line = 0; line < lines.size(); line++) {
            int from = 0;
            while (true) {
                int index = lines.get(line).indexOf(needle, from);
                if (index < 0) break;
                if (seen++ == nth) return new Position(line, index + into);
                from = index + 1;
            }
        }
        throw new AssertionError(needle + " not found in " + file);
    }

    /** Any answer as JSON with the session's folder written as {@code FOLDER}, so goldens read alike on every machine. */
    public String json(Object answer) {
        JsonElement tree = GSON.toJsonTree(answer);
        String folderUri = folder.toUri().toString();
        return GSON.toJson(tree).replace(folderUri, "file:///FOLDER/").replace(folder.toString(), "FOLDER");
    }

    public int shutdown() {
        await(server.shutdown());
        server.exit();
        try {
            return serving.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not exit", e);
        }
    }

    @Override
    public void close() {
        if (!serving.isDone()) {
            try {
                shutdown();
            } catch (AssertionError ignored) {
                // already shut down or gone
            }
        }
    }
}
