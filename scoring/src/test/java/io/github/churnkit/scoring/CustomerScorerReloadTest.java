package io.github.churnkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.Reloadable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload of a scorer with the bundle module's {@link Reloadable}. */
class CustomerScorerReloadTest {

    private static final Map<String, Object> CUSTOMER = Map.of("tenure", 12, "charges", 80.5, "contract", "Month");

    @Test
    void reload_newBundleSwappedIn_badFileKeepsTheOldScorer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.ckb");
        ScorerFixtures.bundle().writeTo(file);
        Reloadable<CustomerScorer> holder = Reloadable.load(file, CustomerScorer::load);
        double before = holder.get().score(CUSTOMER).churnProbability();

        ScorerFixtures.bundle(ScorerFixtures.trees(ScorerFixtures.pipeline().width(), 30, 4, 12L)).writeTo(file);
        holder.reload();
        double after = holder.get().score(CUSTOMER).churnProbability();
        assertNotEquals(before, after, "a different model scores differently");
        assertEquals(2, holder.generation(), "one load and one reload");

        Files.write(file, new byte[] {1, 2, 3});
        assertThrows(BundleFormatException.class, holder::reload);
        assertEquals(after, holder.get().score(CUSTOMER).churnProbability(), 0.0);
    }
}
