package dev.treaty.cli;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest over HTTP when the server dies: `treaty serve` is killed with SIGKILL, in half the trials
 * while the body is still arriving and in the other half at a random moment after it arrived (while
 * it may be being stored); the client sends the same body again to a restarted server, and every
 * fact is then stored exactly once and `treaty verify` passes.
 */
class ServeCrashIT {

    static final int TRIALS = 10;
    static final int LINES = 60_000;

    record Served(Process process, String base) {
    }

    static Served start(Path dir, Path db) throws Exception {
        Path errors = Files.createTempFile(dir, "err", ".log");
        Process process = new ProcessBuilder(ChildJava.command("-jar", "target/treaty.jar", "serve", "--db", "sqlite:" + db, "--port", "0",
                "--auth", dir.resolve("auth.json").toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
        String line = "";
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); !line.contains("listening") && System.nanoTime() < deadline; ) {
            Thread.sleep(50);
            line = Files.readString(errors).lines().findFirst().orElse("");
        }
        assertThat(line).as(Files.readString(errors)).contains("listening on http://127.0.0.1:");
        return new Served(process, line.replaceFirst(".*listening on (http://[0-9.:]+).*", "$1"));
    }

    static String body(int trial) {
        StringBuilder csv = new StringBuilder("id,date,party,product,kind,category,cloud,region,segment,amount,currency\n");
        for (int i = 0; i < LINES; i++) {
            csv.append("crash-").append(trial).append('-').append(i).append(",2026-0").append(1 + i % 9).append("-1").append(i % 10)
                    .append(",OpenAI,chatgpt,non-api,consumer,azure,us,,").append(100 + i % 997).append('.').append(i % 100 < 10 ? "0" : "")
                    .append(i % 100).append(",USD\n");
        }
        return csv.toString();
    }

    static long stored(Path db) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rows = connection.createStatement().executeQuery("select count(distinct fact_key), count(*) from revenue where fact_key like '%crash-%'")) {
            rows.next();
            assertThat(rows.getLong(2)).as("one row per fact: no fact stored twice").isEqualTo(rows.getLong(1));
            return rows.getLong(1);
        }
    }

    @Test
    void killedMidBodyOrMidIngestThenSentAgainEveryFactIsStoredOnce() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "serve-crash");
        Path db = dir.resolve("s.db");
        for (String[] args : List.of(new String[] {"init", "--db", "sqlite:" + db}, new String[] {"agreement", "add", "../examples/microsoft-openai",
                "--db", "sqlite:" + db}, new String[] {"ingest", "../examples/microsoft-openai/facts/events.jsonl", "--db", "sqlite:" + db})) {
            assertThat(new ProcessBuilder(prepend(args)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor()).isZero();
        }
        var key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("k").generate();
        Files.writeString(dir.resolve("jwks.json"), new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString());
        Files.writeString(dir.resolve("auth.json"), "{\"issuer\":\"i\",\"audience\":\"a\",\"jwks\":\"jwks.json\"}");
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID("k").build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("i").audience("a").subject("loader").claim("party", "OpenAI")
                        .claim("roles", List.of("operator")).expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        String token = jwt.serialize();
        Random random = new Random(42);
        List<String> when = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            byte[] body = body(trial).getBytes(StandardCharsets.US_ASCII);
            String idempotency = "crash-trial-" + trial;
            Served served = start(dir, db);
            URI uri = URI.create(served.base() + "/v1/agreements/msft-openai/facts/revenue");
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nContent-Type: text/csv\r\n"
                        + "Idempotency-Key: " + idempotency + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                if (trial % 2 == 1) {
                    int part = body.length / 4 + random.nextInt(body.length / 2);
                    out.write(body, 0, part);
                    out.flush();
                    Thread.sleep(100);
                    when.add("after " + part + " of " + body.length + " bytes");
                } else {
                    out.write(body);
                    out.flush();
                    int delay = random.nextInt(3_000);     // from mid-transfer of the file to after the commit
                    Thread.sleep(delay);
                    when.add(delay + " ms after the whole body");
                }
                served.process().destroyForcibly();        // SIGKILL
                assertThat(served.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            long before = stored(db);
            System.out.println("serve crash trial " + trial + ": SIGKILL " + when.getLast() + "; stored before sending again: "
                    + (before - (long) (trial - 1) * LINES) + " of " + LINES);
            assertThat(before).as("trial " + trial + ": this body's facts are stored whole or not at all").isIn((long) (trial - 1) * LINES, (long) trial * LINES);

            Served again = start(dir, db);
            try {
                HttpResponse<String> resent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.resolve(URI.create(again.base()).getPath()))
                        .uri(URI.create(again.base() + uri.getPath())).header("Authorization", "Bearer " + token).header("Idempotency-Key", idempotency)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(resent.statusCode()).as(resent.body()).isIn(200, 201);
                assertThat(resent.body()).contains("\"read\":" + LINES);
            } finally {
                again.process().destroy();
                again.process().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(stored(db)).as("trial " + trial + " killed " + when.getLast()).isEqualTo((long) trial * LINES);
        }
        Process verify = new ProcessBuilder(prepend(new String[] {"verify", "--db", "sqlite:" + db})).redirectErrorStream(true).start();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor()).as(said).isZero();
        assertThat(said).startsWith("ok: ");
        assertThat(when).hasSize(TRIALS);
    }

    static List<String> prepend(String[] args) {
        List<String> command = ChildJava.command("-jar", "target/treaty.jar");
        command.addAll(List.of(args));
        return command;
    }

}
