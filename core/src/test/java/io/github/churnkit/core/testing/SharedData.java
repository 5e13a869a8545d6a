package io.github.churnkit.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared data files in {@code ../shared/data} beside the checkout (the build passes the
 * directory as the system property {@code churnkit.shared.data}). When a file is missing, tests
 * are skipped on a developer machine but <b>fail</b> in CI ({@code CI=true}), so that a quality
 * figure can never silently go unchecked.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The IBM Telco churn file (7,043 customers). */
    public static Path telco() {
        return require("telco-customer-churn.csv");
    }

    /** The synthetic Netflix userbase file (2,500 users, no label). */
    public static Path netflix() {
        return require("netflix-userbase.csv");
    }

    /** The shared file called {@code name}; skips (locally) or fails (CI) when it is missing. */
    public static Path require(String name) {
        Path dir = directory();
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            String msg = "shared data file missing: " + file.toAbsolutePath().normalize();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + " (CI=true, so this is an error, not a skip)");
            }
            assumeTrue(false, msg);
        }
        return file;
    }

    private static Path directory() {
        String prop = System.getProperty("churnkit.shared.data");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        // (the property's default, ../shared/data beside the checkout, does not exist in a git
        // worktree checked out elsewhere, so fall back to searching)
        // fall back to walking up from the working directory to find shared/data
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        return Path.of("../shared/data");
    }
}
