package dev.treaty.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/** One Spark session in local[2] for the whole test JVM: starting one takes seconds, a query on it milliseconds. */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("treaty-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }

    /** The repository root: tests read the examples and the CLI's goldens. */
    static Path root() {
        String root = System.getProperty("treaty.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
