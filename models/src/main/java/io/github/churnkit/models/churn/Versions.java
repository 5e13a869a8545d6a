package io.github.churnkit.models.churn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Library and JVM versions for provenance, read from a resource filtered by Maven at build time. */
final class Versions {

    private static final Map<String, String> VERSIONS = load();

    private Versions() {
    }

    static Map<String, String> all() {
        return VERSIONS;
    }

    private static Map<String, String> load() {
        Properties props = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read versions.properties", e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            out.put(key, props.getProperty(key));
        }
        out.put("java", System.getProperty("java.version", "unknown"));
        out.put("jvm", System.getProperty("java.vm.name", "unknown"));
        return Map.copyOf(out);
    }
}
