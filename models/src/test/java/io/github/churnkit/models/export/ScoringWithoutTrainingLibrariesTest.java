package io.github.churnkit.models.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Splits;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.core.testing.SharedData;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.BoostedChurnTrainer;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.scoring.bundle.ModelBundle;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scoring path needs neither Smile nor Tribuo: a bundle trained here (with both on the class
 * path) is scored through a class loader that sees only the classes of core, features and scoring
 * and their runtime dependencies (commons-csv, slf4j-api), under the platform class loader. The
 * same loader cannot load Smile's or Tribuo's classes, although this test's own class path has them.
 */
class ScoringWithoutTrainingLibrariesTest {

    /** Class-path entries of the light modules and their own dependencies, nothing else. */
    private static List<URL> lightClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String e = entry.replace('\\', '/');
            String lower = e.toLowerCase(Locale.ROOT);
            boolean module = e.endsWith("/core/target/classes") || e.endsWith("/features/target/classes")
                    || e.endsWith("/scoring/target/classes")
                    || (lower.matches(".*/churnkit-(core|features|scoring)-[^/]*\\.jar") && !lower.endsWith("-tests.jar"));
            boolean dependency = lower.matches(".*/(commons-csv|slf4j-api)-[^/]*\\.jar");
            if (module || dependency) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls;
    }

    @Test
    void score_inLoaderWithoutSmileOrTribuo_matchesTrainedModel() throws Exception {
        assertNotNull(Class.forName("smile.classification.GradientTreeBoost"), "Smile is on this test's class path");
        CustomerTable table = CsvIngest.withDefaults().read(SharedData.telco()).table();
        Splits.TrainTest split = Splits.stratifiedTrainTest(table.targetLabels(), 0.3, 11L);
        CustomerTable train = table.select(split.train());
        CustomerTable test = table.select(split.test());
        FittedPipeline pipeline = FeaturePipeline.defaults(train.schema()).fit(train);
        ChurnModel churn = BoostedChurnTrainer.of(BoostedChurnTrainer.Config.defaults().withMaxTrees(30).withSeed(1L))
                .fit(pipeline, pipeline.transform(train), train.targetLabels());
        byte[] bytes = BundleExporter.builder(pipeline, churn, train).build().toBytes();

        List<URL> urls = lightClassPath();
        assertEquals(5, urls.size(), "core, features, scoring, commons-csv, slf4j-api: " + urls);
        for (URL u : urls) {
            String s = u.toString().toLowerCase(Locale.ROOT);
            assertFalse(s.contains("smile") || s.contains("tribuo"), s);
        }
        try (URLClassLoader light = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("smile.classification.GradientTreeBoost", false, light));
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.tribuo.Model", false, light));
            Class<?> scorerClass = Class.forName("io.github.churnkit.scoring.CustomerScorer", true, light);
            assertTrue(scorerClass.getClassLoader() == light, "loaded by the light loader, not this test's");
            Object scorer = scorerClass.getMethod("load", InputStream.class).invoke(null, new ByteArrayInputStream(bytes));
            Method score = scorerClass.getMethod("score", Map.class);
            double[] x = new double[pipeline.width()];
            for (int i = 0; i < test.rowCount(); i += 10) {
                Object result = score.invoke(scorer, BundleExporterTest.customer(test, i));
                double p = (double) result.getClass().getMethod("churnProbability").invoke(result);
                pipeline.transformRow(test, i, x);
                assertEquals(churn.probability(x), p, 1e-12, "row " + i);
            }
        }
        assertNotNull(ModelBundle.parse(bytes));
    }
}
