package io.github.churnkit.models.explain;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.eval.Metrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Permutation importance (Breiman 2001; Fisher, Rudin and Dominici 2019) for any churn model, on
 * held-out rows: shuffle one column (all features of a group with the same permutation, so a
 * one-hot column moves as a whole), score again, and record how much ROC-AUC falls. Repeated
 * {@code repeats} times with permutations drawn from a {@link SplittableRandom} seeded by
 * {@code seed}.
 *
 * <p>Use rows the model was not trained on: on training rows it measures memorisation as well.
 * Immutable and thread-safe.
 */
public final class PermutationImportance {

    /**
     * Settings.
     *
     * @param repeats permutations per column, {@code >= 1}
     * @param seed    the permutation seed
     */
    public record Config(int repeats, long seed) {

        /** Validates the settings. */
        public Config {
            if (repeats < 1) {
                throw new IllegalArgumentException("repeats must be at least 1, found " + repeats);
            }
        }

        /** 5 repeats, seed 42. */
        public static Config defaults() {
            return new Config(5, 42L);
        }

        /** With another number of repeats. */
        public Config withRepeats(int v) {
            return new Config(v, seed);
        }

        /** With another seed. */
        public Config withSeed(long v) {
            return new Config(repeats, v);
        }
    }

    private final Config config;

    private PermutationImportance(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** With the given settings. */
    public static PermutationImportance of(Config config) {
        return new PermutationImportance(config);
    }

    /** With {@link Config#defaults()}. */
    public static PermutationImportance withDefaults() {
        return of(Config.defaults());
    }

    /**
     * The importance of every group, most important first.
     *
     * @param x held-out feature rows (not modified)
     * @param y their 0/1 labels, both classes present
     * @throws IllegalArgumentException on mismatched sizes or widths
     */
    public List<Importance> compute(ChurnModel model, double[][] x, int[] y, FeatureGroups groups) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(groups, "groups");
        if (groups.featureCount() != model.predictor().featureCount()) {
            throw new IllegalArgumentException("the groups cover " + groups.featureCount()
                    + " features but the model reads " + model.predictor().featureCount());
        }
        double base = Metrics.rocAuc(model.probability(x), y);
        int n = x.length;
        double[][] work = new double[n][];
        for (int i = 0; i < n; i++) {
            work[i] = x[i].clone();
        }
        SplittableRandom rng = new SplittableRandom(config.seed());
        double[] p = new double[n];
        List<Importance> out = new ArrayList<>();
        for (int g = 0; g < groups.groups().size(); g++) {
            int[] cols = groups.members(g);
            double[] drops = new double[config.repeats()];
            for (int r = 0; r < config.repeats(); r++) {
                int[] perm = permutation(n, rng);
                for (int i = 0; i < n; i++) {
                    for (int j : cols) {
                        work[i][j] = x[perm[i]][j];
                    }
                }
                for (int i = 0; i < n; i++) {
                    p[i] = model.probability(work[i]);
                }
                drops[r] = base - Metrics.rocAuc(p, y);
            }
            for (int i = 0; i < n; i++) {
                for (int j : cols) {
                    work[i][j] = x[i][j];
                }
            }
            out.add(new Importance(groups.groups().get(g), mean(drops), sd(drops)));
        }
        out.sort(Comparator.comparingDouble(Importance::mean).reversed());
        return List.copyOf(out);
    }

    /** Writes importances as a JSON array of objects. */
    public static void writeJson(List<Importance> importances, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (Importance i : importances) {
            g.writeStartObject();
            g.writeStringField("column", i.column());
            g.writeNumberField("mean", i.mean());
            g.writeNumberField("sd", i.sd());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0.0;
        }
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
