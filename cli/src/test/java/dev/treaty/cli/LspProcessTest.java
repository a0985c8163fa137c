package dev.treaty.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code treaty lsp} as an editor starts it: a process speaking JSON-RPC with Content-Length
 * frames on stdin and stdout, nothing else on stdout, diagnostics for a broken file pushed
 * unasked, and exit code 0 after shutdown and exit.
 */
class LspProcessTest {

    @Test
    void anEditorSessionOverStdio(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("a.treaty.md");
        String text = "# A\n\n```treaty\nagreement a\nparty A\nparty B\nsigned 2025-01-01\neffective 2025-01-01\n```\n\n"
                + "## 1 Licence\n\n```treaty\nlicence l {\n  licensor A\n  licensee C\n  covers [models]\n  non-exclusive\n}\n```\n";
        Files.writeString(file, text);
        Process process = new ProcessBuilder(ChildJava.command("-cp", System.getProperty("java.class.path"), "dev.treaty.cli.Main", "lsp"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            OutputStream in = process.getOutputStream();
            InputStream out = process.getInputStream();
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            String initialized = read(out);
            assertThat(initialized).contains("\"id\":1").contains("\"hoverProvider\":true").contains("\"documentFormattingProvider\":true");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            String uri = file.toUri().toString();
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + uri
                    + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":" + quote(text) + "}}}");
            String published = read(out);
            assertThat(published).contains("textDocument/publishDiagnostics").contains("licensee \\u0027C\\u0027 is not a party");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
            List<String> replies = new ArrayList<>();
            String reply;
            do {
                reply = read(out);
                replies.add(reply);
            } while (!reply.contains("\"id\":2"));
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void send(OutputStream in, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in.write(body);
        in.flush();
    }

    /** One framed message: every byte on stdout must belong to a frame, so a stray print fails here. */
    private static String read(InputStream out) throws IOException {
        StringBuilder header = new StringBuilder();
        while (!header.toString().endsWith("\r\n\r\n")) {
            int c = out.read();
            if (c < 0) throw new AssertionError("stdout ended; read so far: " + header);
            header.append((char) c);
        }
        assertThat(header.toString()).startsWith("Content-Length: ");
        int length = Integer.parseInt(header.toString().lines().findFirst().orElseThrow().substring("Content-Length: ".length()).strip());
        return new String(out.readNBytes(length), StandardCharsets.UTF_8);
    }
}
