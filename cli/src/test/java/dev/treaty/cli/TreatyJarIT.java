package dev.treaty.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar, run as a separate process the way the ./treaty launcher runs it. */
class TreatyJarIT {

    private record Run(int exit, String out, String err) {
    }

    private static Run treaty(String... args) throws IOException, InterruptedException {
        List<String> command = ChildJava.command("-jar", Path.of("target/treaty.jar").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("treaty finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void demoWritesTheReportAndPrintsASummary() throws Exception {
        Run run = treaty("demo", "--on", "2026-11-26", "--examples", "../examples/microsoft-openai", "--out", "target/demo-report-jar.html");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Report: target/demo-report-jar.html", "== Versions ==",
                "2026-04-27  msft-openai-2026-04", "== Terms in force on 2026-11-26", "3.1   first-ship azure-first",
                "USD 38,000,000,000.00 due over 49 statement lines");
        assertThat(java.nio.file.Path.of("target/demo-report-jar.html")).content().contains("<section id=\"simulation\">");
    }

    @Test
    void aBrokenFileExitsTwoWithADiagnosticAndNoStackTrace() throws Exception {
        Run run = treaty("check", "src/test/resources/bad/06-money-times-money.treaty.md");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("06-money-times-money.treaty.md:20:13: error: cannot multiply money by money");
        assertThat(run.out() + run.err()).doesNotContain("Exception");
    }

    /**
     * {@code treaty serve} as a process: it says where it listens, answers, logs the request as a JSON
     * line, and stops on SIGTERM with the conventional status 143 (terminated by signal 15).
     */
    @Test
    void theServiceListensAnswersAndStopsOnSigterm() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory(Path.of("target"), "serve");
        assertThat(treaty("init", "--db", "sqlite:" + dir.resolve("s.db")).exit()).isZero();
        assertThat(treaty("agreement", "add", "../examples/book-deal", "--db", "sqlite:" + dir.resolve("s.db")).exit()).isZero();
        var key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("k").generate();
        java.nio.file.Files.writeString(dir.resolve("jwks.json"), new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString());
        java.nio.file.Files.writeString(dir.resolve("auth.json"), "{\"issuer\":\"i\",\"audience\":\"a\",\"jwks\":\"jwks.json\"}");
        // to files: a stopped process's pipes are closed before what it wrote last could be read
        Path out = dir.resolve("out.log");
        Path errors = dir.resolve("err.log");
        Process process = new ProcessBuilder(ChildJava.command("-jar", "target/treaty.jar", "serve", "--db", "sqlite:" + dir.resolve("s.db"), "--port", "0",
                "--auth", dir.resolve("auth.json").toString())).redirectOutput(out.toFile()).redirectError(errors.toFile()).start();
        try {
            String line = "";
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); line.isEmpty() && System.nanoTime() < deadline; ) {
                Thread.sleep(100);
                line = java.nio.file.Files.readString(errors).lines().findFirst().orElse("");
            }
            assertThat(line).startsWith("treaty serve: listening on http://127.0.0.1:");
            String base = line.replaceFirst(".*listening on (http://[0-9.:]+).*", "$1");
            var client = java.net.http.HttpClient.newHttpClient();
            var health = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            var refused = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/agreements")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(java.nio.file.Files.readString(out)).contains("\"route\":\"/health\"", "\"status\":401");
            assertThat(java.nio.file.Files.readString(errors)).doesNotContain("Exception", "SLF4J");
        } finally {
            process.destroyForcibly();
        }
    }
}
