package io.github.churnkit.models.explain;

import io.github.churnkit.features.FittedPipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which input column each feature comes from, so that explanations speak of columns
 * ({@code Contract}) rather than of one-hot parts ({@code Contract=Two year}). A feature belongs to
 * exactly one group; groups keep the order of their first feature.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureGroups {

    private final List<String> features;
    private final List<String> groups;
    private final int[] groupOf;

    private FeatureGroups(List<String> features, List<String> groupOfFeature) {
        this.features = List.copyOf(features);
        if (groupOfFeature.size() != this.features.size()) {
            throw new IllegalArgumentException(features.size() + " features but " + groupOfFeature.size()
                    + " group names");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        this.groupOf = new int[this.features.size()];
        for (int j = 0; j < groupOf.length; j++) {
            String g = Objects.requireNonNull(groupOfFeature.get(j), "group of feature " + j);
            Integer k = index.get(g);
            if (k == null) {
                k = index.size();
                index.put(g, k);
            }
            groupOf[j] = k;
        }
        this.groups = List.copyOf(index.keySet());
    }

    /**
     * The groups of a fitted feature pipeline: each feature belongs to the input column it is
     * computed from ({@link FittedPipeline#sourceName(int)}: one-hot parts and missing-value
     * indicators join their column; a derived ratio is a group of its own).
     */
    public static FeatureGroups of(FittedPipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        List<String> g = new ArrayList<>(pipeline.width());
        for (int j = 0; j < pipeline.width(); j++) {
            g.add(pipeline.sourceName(j));
        }
        return new FeatureGroups(pipeline.featureNames(), g);
    }

    /** Explicit groups: {@code groupOfFeature.get(j)} is the group of feature {@code j}. */
    public static FeatureGroups of(List<String> featureNames, List<String> groupOfFeature) {
        return new FeatureGroups(featureNames, groupOfFeature);
    }

    /** Every feature a group of its own. */
    public static FeatureGroups identity(List<String> featureNames) {
        return new FeatureGroups(featureNames, featureNames);
    }

    /** Feature names. */
    public List<String> features() {
        return features;
    }

    /** Group names, in order of first appearance. */
    public List<String> groups() {
        return groups;
    }

    /** Number of features. */
    public int featureCount() {
        return features.size();
    }

    /** The group index of feature {@code feature}. */
    public int groupOf(int feature) {
        return groupOf[Objects.checkIndex(feature, groupOf.length)];
    }

    /**
     * Per-group sums of per-feature values ({@code absolute}: sums of absolute values).
     *
     * @throws IllegalArgumentException if {@code values} has the wrong length
     */
    public double[] sum(double[] values, boolean absolute) {
        Objects.requireNonNull(values, "values");
        if (values.length != groupOf.length) {
            throw new IllegalArgumentException(values.length + " values for " + groupOf.length + " features");
        }
        double[] out = new double[groups.size()];
        for (int j = 0; j < values.length; j++) {
            out[groupOf[j]] += absolute ? Math.abs(values[j]) : values[j];
        }
        return out;
    }

    /** The feature indices of group {@code group}. */
    int[] members(int group) {
        int n = 0;
        for (int g : groupOf) {
            n += g == group ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int j = 0; j < groupOf.length; j++) {
            if (groupOf[j] == group) {
                out[k++] = j;
            }
        }
        return out;
    }
}
