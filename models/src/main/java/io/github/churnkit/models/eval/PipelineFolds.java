package io.github.churnkit.models.eval;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import java.util.Objects;

/**
 * Fold matrices built with a feature pipeline fitted inside each fold: imputation medians, scaling,
 * category levels and target encodings are learned from the fold's training rows only, and the
 * held-out rows are transformed with that fit. This is what keeps cross-validated figures honest.
 * Training rows use {@link FittedPipeline#transformOutOfFold} (out-of-fold target encoding).
 */
public final class PipelineFolds {

    private PipelineFolds() {
    }

    /**
     * A fold source over {@code table}, fitting {@code pipeline} on each fold's training rows.
     *
     * @throws NullPointerException if either argument is null
     */
    public static CrossValidator.FoldSource of(FeaturePipeline pipeline, CustomerTable table) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(table, "table");
        return (train, test) -> {
            CustomerTable trainTable = table.select(train);
            FittedPipeline fitted = pipeline.fit(trainTable);
            return new CrossValidator.FoldData(fitted.transformOutOfFold(trainTable),
                    fitted.transform(table.select(test)), fitted.featureNames());
        };
    }
}
