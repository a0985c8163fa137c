package dev.treaty.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.app.BadRequest;
import dev.treaty.app.Records;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.store.Ingest;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Facts posted over HTTP: the body is streamed to a file (never held in memory) and then ingested
 * exactly as {@code treaty ingest} ingests a file: all of it or none, each fact once by its id. The
 * file is named by the {@code Idempotency-Key} header, or by the body's SHA-256 when there is none,
 * so a body sent again (after a timeout, or a server killed mid-body) stores nothing twice.
 */
final class Facts {

    enum Kind {
        REVENUE(".csv", "text/csv"), EVENTS(".jsonl", "application/x-ndjson");

        final String suffix;
        final String mediaType;

        Kind(String suffix, String mediaType) {
            this.suffix = suffix;
            this.mediaType = mediaType;
        }
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final Backend backend;
    private final MeterRegistry registry;

    Facts(Backend backend, MeterRegistry registry) {
        this.backend = backend;
        this.registry = registry;
    }

    void upload(Context ctx, AgreementHistory history, Kind kind) throws IOException {
        Principal principal = Api.principal(ctx);
        String key = ctx.header("Idempotency-Key");
        if (key != null && !KEY.matcher(key).matches()) {
            throw Problem.badRequest("header Idempotency-Key: must be 1 to 100 letters, digits, '-' or '_'");
        }
        ObjectNode body = store(history, kind, ctx.bodyInputStream(), key, Api.flag(ctx, "correct"), Service.author(principal, ctx));
        ctx.status(body.get("stored").asLong() > 0 ? 201 : 200);
        Api.json(ctx, body);
    }

    /**
     * Streams a facts file to a temporary file, then stores it all or nothing; the counts read,
     * stored, corrected and already stored. A bad line is a {@link BadRequest} naming each (≤ 50).
     */
    ObjectNode store(AgreementHistory history, Kind kind, InputStream in, String key, boolean correct, Records.Author author) throws IOException {
        Path folder = Files.createTempDirectory("treaty-upload");
        Path received = folder.resolve("body" + kind.suffix);
        try {
            String digest = receive(in, received);
            String name = (key != null ? key : "sha256-" + digest.substring(0, 32)) + kind.suffix;
            Path file = Files.move(received, folder.resolve(name));
            Records.Loaded loaded;
            try {
                loaded = Records.load(backend.database, List.of(file), correct, author, RevenueReader.Progress.NONE);
            } catch (BadRequest e) {
                throw new BadRequest(e.getMessage().replace(folder + java.io.File.separator, ""),
                        e.details().stream().map(d -> d.replace(folder + java.io.File.separator, "")).toList());
            }
            Ingest.Result result = (kind == Kind.REVENUE ? loaded.revenue() : loaded.events()).orElseThrow();
            if (!result.errors().isEmpty()) {
                List<String> errors = result.errors().stream().limit(50).map(e -> e.toString().replace(folder + java.io.File.separator, ""))
                        .toList();
                throw new BadRequest(result.errors().size() + " bad line" + (result.errors().size() == 1 ? "" : "s") + " in " + name
                        + "; nothing of it was stored", errors);
            }
            backend.refresh();
            Counter.builder("treaty.facts.stored").description("facts stored over HTTP").tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry).increment(result.stored());
            return Api.object().put("agreement", history.id()).put("file", name).put("read", result.read())
                    .put("stored", result.stored()).put("corrected", result.corrected()).put("already_stored", result.alreadyStored());
        } finally {
            try (var files = Files.list(folder)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(folder);
        }
    }

    /** Copies the body to {@code file}, refusing one over the limit; returns its SHA-256. */
    private static String receive(InputStream body, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long total = 0;
        try (InputStream in = new DigestInputStream(body, sha); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > Service.UPLOAD_MAX) throw new Problem(413, "Content Too Large", "a facts upload is at most " + Service.UPLOAD_MAX + " bytes");
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) throw Problem.badRequest("the body is empty: send the facts file as the body");
        return HexFormat.of().formatHex(sha.digest());
    }

}
