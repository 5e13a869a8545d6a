package io.github.churnkit.benchmarks;

/**
 * The churn model a scoring benchmark runs on, as a JMH {@code @Param} ({@code -p model=TREES_1000}):
 * logistic regression (Tribuo's, baseline {@code predict(Example)}) or a gradient-boosted ensemble
 * of depth-6 trees (Smile's, baseline {@code GradientTreeBoost.predict(Tuple)}).
 */
public enum ModelKind {
    /** L2-regularised logistic regression (Tribuo linear SGD, 10 epochs). */
    LOGISTIC(0),
    /** 100 boosted trees of depth 6. */
    TREES_100(100),
    /** 300 boosted trees of depth 6. */
    TREES_300(300),
    /** 1,000 boosted trees of depth 6. */
    TREES_1000(1000);

    private final int trees;

    ModelKind(int trees) {
        this.trees = trees;
    }

    /** Number of trees; 0 for the logistic model. */
    public int trees() {
        return trees;
    }

    /** Whether this is a tree ensemble. */
    public boolean isTrees() {
        return trees > 0;
    }
}
