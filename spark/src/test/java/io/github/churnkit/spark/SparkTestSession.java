package io.github.churnkit.spark;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session that every test class in this module's forked JVM shares, so Spark
 * starts once per test run (a few seconds) rather than once per class.
 */
final class SparkTestSession {

    private static SparkSession session;

    private SparkTestSession() {
    }

    /** The shared {@code local[2]} session, created on first use. */
    static synchronized SparkSession get() {
        if (session == null) {
            int feature = Runtime.version().feature();
            if (feature > 21) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "Spark 4 tests need a Java 17 or 21 runtime but run on Java %d (%s); set -Dchurnkit.spark.jvm"
                                + "=/path/to/jdk17/bin/java", feature, System.getProperty("java.home")));
            }
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("churnkit-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }
}
