package dev.treaty.cli;

import dev.treaty.app.BadRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code treaty settle --engine spark}: runs the Spark job (the {@code spark} module) in a JVM of
 * its own, so neither Spark nor its JVM flags ever touch the command line's jar or its other
 * commands. The job is found beside the command line (spark/target, made by
 * {@code ./mvnw -pl spark -am package -DskipTests}); without it, the command says how to get it.
 */
final class SparkEngine {

    private SparkEngine() {
    }

    record Job(Path folder, List<Path> revenue, List<Path> events, LocalDate through, String term, String agreement, boolean skipBad,
               String master, String format) {
    }

    static int run(Job job, PrintWriter out, PrintWriter err) {
        Path home = Path.of(System.getProperty("treaty.home", ".")).toAbsolutePath().normalize();
        Path target = home.resolve("spark/target");
        Path classes = target.resolve("classes");
        Path lib = target.resolve("lib");
        if (!Files.isDirectory(lib) || !Files.isRegularFile(classes.resolve("dev/treaty/spark/jvm.options"))) {
            throw new BadRequest("the Spark engine is not built here (" + target + "); build it once with"
                    + " './mvnw -pl spark -am package -DskipTests' (it fetches Spark 4.2 and its dependencies, about 370 MB, from Maven Central),"
                    + " or run the job on a cluster with spark-submit (docs/scale.md)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            command.addAll(List.of(Files.readString(classes.resolve("dev/treaty/spark/jvm.options")).trim().split("\\s+")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.add("-Xmx" + System.getProperty("treaty.spark.heap", "2g"));
        command.addAll(List.of("-cp", classes + java.io.File.pathSeparator + lib.resolve("*"), "dev.treaty.spark.SparkSettle",
                job.folder().toString(), "--through", job.through().toString(), "--format", job.format()));
        for (Path file : job.revenue()) command.addAll(List.of("--revenue", file.toString()));
        for (Path file : job.events()) command.addAll(List.of("--events", file.toString()));
        if (job.term() != null) command.addAll(List.of("--term", job.term()));
        if (job.agreement() != null) command.addAll(List.of("--agreement", job.agreement()));
        if (job.skipBad()) command.add("--skip-bad");
        command.addAll(List.of("--master", job.master() == null ? "local[*]" : job.master()));
        try {
            Process process = new ProcessBuilder(command).start();
            Thread errors = Thread.ofPlatform().start(() -> copy(process.getErrorStream(), err, true));
            copy(process.getInputStream(), out, false);
            int exit = process.waitFor();
            errors.join();
            return switch (exit) {
                case 0 -> ExitCodes.OK;
                case 2 -> ExitCodes.BAD_INPUT;
                default -> {
                    err.println("treaty: the Spark job failed (exit " + exit + ")");
                    err.flush();
                    yield ExitCodes.INTERNAL;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Spark job: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERNAL;
        }
    }

    /** The job's output as it comes; of its standard error, Treaty's own lines (Spark's logging is left out). */
    private static void copy(InputStream from, PrintWriter to, boolean onlyTreaty) {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(from, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (onlyTreaty && (line.startsWith("WARNING:") || line.matches("^\\d\\d/\\d\\d/\\d\\d .*") || line.startsWith("Using Spark")
                        || line.startsWith("SLF4J") || line.startsWith("\tat ") || line.startsWith("org.apache.spark"))) continue;
                to.println(line);
                to.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
