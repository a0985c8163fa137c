package dev.treaty.lsp;

import dev.treaty.language.TermFormatter;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The text-document half of the protocol. Typing never waits for a check: each change replaces
 * the text and schedules the folder's check a short pause later on a thread of its own (a
 * newer change cancels the older schedule); the diagnostics then go to every file of the folder,
 * so an amendment that breaks another file shows there too. Requests are answered on another
 * thread, from the folder's analysis as it stands.
 */
final class TreatyTextDocuments implements TextDocumentService {

    private final Workspace workspace = new Workspace();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(daemon("treaty-lsp-check"));
    private final ExecutorService requests = Executors.newSingleThreadExecutor(daemon("treaty-lsp-requests"));
    private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<Path, Set<Path>> published = new ConcurrentHashMap<>();
    private volatile LanguageClient client;
    private volatile LocalDate today;
    private volatile int debounceMillis = 25;

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    void connect(LanguageClient client) {
        this.client = client;
    }

    void today(LocalDate today) {
        this.today = today;
    }

    void debounceMillis(int millis) {
        this.debounceMillis = millis;
    }

    private LocalDate today() {
        LocalDate fixed = today;
        return fixed != null ? fixed : LocalDate.now();
    }

    void close() {
        checker.shutdownNow();
        requests.shutdownNow();
    }

    void changedOnDisk(String uri) {
        Path file = Workspace.pathOf(uri);
        if (file == null) return;
        workspace.changedOnDisk(file);
        check(Workspace.folderOf(file), 0);
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        Path file = Workspace.pathOf(params.getTextDocument().getUri());
        if (file == null) return;
        workspace.open(file, params.getTextDocument().getText(), params.getTextDocument().getVersion());
        check(Workspace.folderOf(file), 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        Path file = Workspace.pathOf(params.getTextDocument().getUri());
        var changes = params.getContentChanges();
        if (file == null || changes.isEmpty()) return;
        // full sync: the last change is the whole text
        workspace.open(file, changes.getLast().getText(), params.getTextDocument().getVersion() == null ? 0 : params.getTextDocument().getVersion());
        check(Workspace.folderOf(file), debounceMillis);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        Path file = Workspace.pathOf(params.getTextDocument().getUri());
        if (file == null) return;
        workspace.close(file);
        check(Workspace.folderOf(file), 0);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open text is already what was saved
    }

    private void check(Path folder, int delayMillis) {
        pending.compute(folder, (key, earlier) -> {
            if (earlier != null) earlier.cancel(false);
            return checker.schedule(() -> publish(folder), delayMillis, TimeUnit.MILLISECONDS);
        });
    }

    /** Checks the folder and sends every file its diagnostics, clearing those of files that have none now. */
    private void publish(Path folder) {
        LanguageClient target = client;
        if (target == null) return;
        FolderAnalysis analysis = workspace.analysis(folder);
        Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
        analysis.files().forEach(f -> byFile.put(f.path(), new ArrayList<>()));
        for (dev.treaty.language.Diagnostic diagnostic : analysis.loaded().diagnostics()) {
            Path file = diagnostic.at().file().toAbsolutePath().normalize();
            List<Diagnostic> list = byFile.get(file);
            if (list == null) continue;
            list.add(toLsp(diagnostic, analysis.file(file).map(f -> f.line(diagnostic.at().line() - 1)).orElse("")));
        }
        Set<Path> before = published.getOrDefault(folder, Set.of());
        for (Path gone : before) byFile.putIfAbsent(gone, List.of());
        byFile.forEach((file, list) -> {
            PublishDiagnosticsParams params = new PublishDiagnosticsParams(Workspace.uriOf(file), list);
            analysis.version(file).ifPresent(params::setVersion);
            target.publishDiagnostics(params);
        });
        published.put(folder, new HashSet<>(analysis.files().stream().map(FileIndex::path).toList()));
    }

    /** A diagnostic of the reader or the model, at the word it points at. */
    static Diagnostic toLsp(dev.treaty.language.Diagnostic diagnostic, String lineText) {
        int line = Math.max(0, diagnostic.at().line() - 1);
        int start = Math.max(0, diagnostic.at().column() - 1);
        int end = Words.endOfWord(lineText, start);
        Diagnostic lsp = new Diagnostic(new Range(new Position(line, start), new Position(line, end)), diagnostic.message(),
                diagnostic.isError() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "treaty");
        return lsp;
    }

    private <T> CompletableFuture<T> answer(String uri, Function<Request, T> answer) {
        return CompletableFuture.supplyAsync(() -> {
            Path file = Workspace.pathOf(uri);
            if (file == null) return null;
            FolderAnalysis analysis = workspace.analysis(Workspace.folderOf(file));
            return analysis.file(file).map(index -> answer.apply(new Request(analysis, index, today()))).orElse(null);
        }, requests);
    }

    /** What a request is answered from: the folder, the file, and the day that counts as today. */
    record Request(FolderAnalysis folder, FileIndex file, LocalDate today) {
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return answer(params.getTextDocument().getUri(), r -> Hovers.hover(r, params.getPosition()).orElse(null));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return answer(params.getTextDocument().getUri(), r -> Either.forLeft(Navigation.definition(r, params.getPosition())));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return answer(params.getTextDocument().getUri(), r -> Navigation.references(r, params.getPosition(),
                params.getContext() == null || params.getContext().isIncludeDeclaration()));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return answer(params.getTextDocument().getUri(), r -> Either.forRight(Completions.complete(r, params.getPosition())));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return answer(params.getTextDocument().getUri(), r -> Outline.symbols(r.file()).stream()
                .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return answer(params.getTextDocument().getUri(), r -> Outline.folding(r.file()));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return answer(params.getTextDocument().getUri(), r -> Highlighting.tokens(r.file()));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return answer(params.getTextDocument().getUri(), r -> QuickFixes.actions(r, params).stream()
                .map(Either::<Command, CodeAction>forRight).toList());
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return answer(params.getTextDocument().getUri(), r -> {
            String text = r.file().text();
            String formatted = TermFormatter.formatDocument(r.file().path(), text);
            if (formatted.equals(text)) return List.<TextEdit>of();
            return List.of(Words.changedLines(text, formatted));
        });
    }
}
