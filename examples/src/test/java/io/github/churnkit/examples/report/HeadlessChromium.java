package io.github.churnkit.examples.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Takes a screenshot of an HTML file with headless Chromium (Debian package {@code chromium}). When
 * no browser is installed the calling test is skipped locally and fails under {@code CI=true}, so
 * that CI cannot pass without having looked at the report.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** The browser executable, or null. */
    static Path find() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Renders {@code html} at 1400 x 4000 into {@code png}; returns {@code png}. */
    public static Path screenshot(Path html, Path png, Path profile) throws IOException, InterruptedException {
        Path browser = find();
        if (browser == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("chromium is not installed; CI must install it (apt-get install -y chromium)");
        }
        assumeTrue(browser != null, "chromium is not installed; skipping the rendering check");
        Files.createDirectories(profile);
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1400,4000",
                html.toAbsolutePath().toUri().toString())
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        if (!Files.exists(png) || Files.size(png) == 0) {
            throw new AssertionError("chromium wrote no screenshot (exit " + p.exitValue() + "): "
                    + Files.readString(profile.resolve("chromium.log")));
        }
        return png;
    }
}
