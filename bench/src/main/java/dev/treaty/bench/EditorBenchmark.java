package dev.treaty.bench;

import com.google.gson.JsonObject;
import dev.treaty.lsp.TreatyLanguageServer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
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
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The editor's responsiveness on the flagship, through the protocol as an editor sees it (JSON-RPC
 * over pipes to a real server): from a keystroke in the 2026 amendment to the folder's diagnostics
 * arriving for that file, with the server's pause before checking ({@code debounceMillis}) and
 * without; and a completion inside a term. Sample mode, so JMH reports the median and the p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EditorBenchmark {

    private static final String AMENDMENT = "2026-04-27-amendment.treaty.md";

    @Param({"0", "25"})
    public int debounceMillis;

    private LanguageServer server;
    private Thread serving;
    private final LinkedBlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private String uri;
    private String[] texts;
    private int version = 1;
    private Position insideTerm;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path folder = Path.of(System.getProperty("treaty.root", ".")).resolve("examples/microsoft-openai").toAbsolutePath().normalize();
        Path file = folder.resolve(AMENDMENT);
        uri = file.toUri().toString();
        String text = Files.readString(file);
        // two texts that differ by a keystroke in a term, so each edit is a real change to check
        texts = new String[]{text, text.replace("  period quarter\n", "  period quarter \n")};
        List<String> lines = text.lines().toList();
        insideTerm = new Position(lines.indexOf("  period quarter"), 2);

        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        serving = new Thread(() -> TreatyLanguageServer.serve(serverIn, serverOut), "treaty-lsp");
        serving.setDaemon(true);
        serving.start();
        var launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams initialize = new InitializeParams();
        initialize.setCapabilities(new ClientCapabilities());
        JsonObject options = new JsonObject();
        options.addProperty("debounceMillis", debounceMillis);
        initialize.setInitializationOptions(options);
        server.initialize(initialize).get(30, TimeUnit.SECONDS);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", version, text)));
        awaitDiagnosticsOfTheAmendment();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        serving.join(10_000);
    }

    @Benchmark
    public PublishDiagnosticsParams diagnosticsAfterAnEdit() throws InterruptedException {
        version++;
        published.clear();      // what the last check sent to the other files
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(texts[version % 2]))));
        return awaitDiagnosticsOfTheAmendment();
    }

    @Benchmark
    public Either<List<CompletionItem>, CompletionList> completionInATerm() throws Exception {
        return server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), insideTerm))
                .get(30, TimeUnit.SECONDS);
    }

    private PublishDiagnosticsParams awaitDiagnosticsOfTheAmendment() throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams params = published.poll(30, TimeUnit.SECONDS);
            if (params == null) throw new IllegalStateException("no diagnostics within 30 s");
            if (params.getUri().equals(uri)) return params;
        }
    }

    /** Hands each publication to the benchmark thread, never blocking the client's message thread. */
    private final class Client implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
