package dev.treaty.cli;

import dev.treaty.server.Authenticator;
import dev.treaty.server.Service;
import dev.treaty.store.Database;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;
import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code treaty serve}: the HTTP service on a store, until SIGTERM (requests in flight finish first). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve a store over HTTP: a versioned JSON API (see /openapi.json)"
        + " in which each caller, named by a bearer JWT, sees only the agreements its party is on; /health, /ready and /metrics"
        + " (Prometheus). Runs until stopped; on SIGTERM, requests in flight finish first.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "URL", description = "The store: sqlite:PATH (default: sqlite:treaty.db) or jdbc:postgresql://HOST/DB.")
    String db;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port = 8080;

    @Option(names = "--auth", paramLabel = "FILE", description = "Whom to trust: a JSON file {\"issuer\": …, \"audience\": …,"
            + " \"jwks\": \"keys.json\"} naming the tokens' issuer, audience and public keys (RS256 or ES256). Without it, only API keys"
            + " (treaty apikey create) are accepted.")
    Path auth;

    @Option(names = "--mask", split = ",", paramLabel = "FIELD", description = "Decision-log fields to keep only as their SHA-256: subject"
            + " (who asked), request (the question; a masked decision cannot be replayed).")
    java.util.Set<String> mask = java.util.Set.of();

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) throw new BadInputException("--port: " + port + " is not between 0 and 65535");
        Database database;
        try {
            database = Database.of(db);
            Store.open(database, false).close();
            Store.init(database, "treaty serve");     // the service's own tables (decision log, API keys) on a store made before them
        } catch (StoreException e) {
            throw new BadInputException(e.getMessage());
        }
        Authenticator authenticator;
        try {
            authenticator = auth == null ? Authenticator.apiKeysOnly() : new Authenticator(Authenticator.Config.read(auth));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--auth: " + e.getMessage());
        }
        Service.Options options;
        try {
            options = new Service.Options(mask);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--mask: " + e.getMessage());
        }
        Service service;
        try {
            service = new Service(database, authenticator, System.out, options);
        } catch (dev.treaty.app.BadRequest e) {
            throw new BadInputException(e.getMessage());
        }
        Javalin server;
        try {
            server = service.create().start(host, port);
        } catch (RuntimeException e) {
            service.close();
            throw new BadInputException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println("treaty serve: listening on http://" + host + ":" + server.port() + " (store "
                + database.describe() + "); stop with Ctrl-C or SIGTERM");
        spec.commandLine().getErr().flush();
        untilStopped(server, service);
        return ExitCodes.OK;
    }

    /** Waits for SIGTERM or Ctrl-C; then lets requests in flight finish and their decisions be logged. */
    static void untilStopped(Javalin server, Service service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();          // requests in flight finish, their decisions logged
            service.close();
            stopped.countDown();
        }, "treaty-serve-stop"));
        stopped.await();
    }
}
