package dev.treaty.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.treaty.lsp.LspSession;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor and the command line never disagree: for each broken agreement of the suite (a
 * file, or a folder for problems that span documents), copied into a folder of its own, the
 * language server publishes exactly the diagnostics {@code treaty check --json} prints for that
 * folder — the same files, lines, columns, severities and messages.
 */
class DiagnosticsParityTest {

    private static final Path BAD = Path.of("src/test/resources/bad");

    @Test
    void theServerPublishesWhatCheckPrintsForEveryBrokenAgreement(@TempDir Path root) throws IOException {
        List<Path> cases;
        try (Stream<Path> listing = Files.list(BAD)) {
            cases = listing.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".treaty.md")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        int compared = 0;
        try (LspSession lsp = new LspSession(root, "2026-06-01")) {
            for (Path source : cases) {
                String name = source.getFileName().toString().replace(".treaty.md", "");
                Path folder = Files.createDirectories(root.resolve(name));
                if (Files.isDirectory(source)) {
                    try (Stream<Path> files = Files.list(source)) {
                        for (Path file : files.toList()) Files.copy(file, folder.resolve(file.getFileName()));
                    }
                } else {
                    Files.copy(source, folder.resolve(source.getFileName()));
                }
                List<String> agreementFiles;
                try (Stream<Path> files = Files.list(folder)) {
                    agreementFiles = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".treaty.md")).sorted().toList();
                }
                long before = lsp.publications();
                lsp.open(name + "/" + agreementFiles.getFirst());
                lsp.awaitPublications(before, agreementFiles.size());

                List<String> editor = new ArrayList<>();
                for (PublishDiagnosticsParams published : lsp.allDiagnostics().values()) {
                    Path file = Path.of(URI.create(published.getUri()));
                    if (!file.getParent().equals(folder.toAbsolutePath().normalize())) continue;
                    published.getDiagnostics().forEach(d -> editor.add(file.getFileName() + ":" + (d.getRange().getStart().getLine() + 1)
                            + ":" + (d.getRange().getStart().getCharacter() + 1) + ": "
                            + (d.getSeverity() == DiagnosticSeverity.Error ? "error" : "warning") + ": " + d.getMessage()));
                }
                Cli.Result check = Cli.run("check", "--json", folder.toAbsolutePath().normalize().toString());
                List<String> commandLine = new ArrayList<>();
                for (JsonNode d : new ObjectMapper().readTree(check.out()).get("diagnostics")) {
                    commandLine.add(Path.of(d.get("file").asText()).getFileName() + ":" + d.get("line").asInt() + ":" + d.get("column").asInt()
                            + ": " + d.get("severity").asText() + ": " + d.get("message").asText());
                }
                assertThat(commandLine).as(name + " has diagnostics").isNotEmpty();
                assertThat(editor.stream().sorted().toList()).as(name).isEqualTo(commandLine.stream().sorted().toList());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(cases.size());
    }
}
