/**
 * Exporting trained models into one data-only scoring bundle.
 *
 * <p>Training happens here, in {@code churnkit-models}, with Smile and Tribuo on the class path;
 * scoring happens in {@code churnkit-scoring}, without them. {@link io.github.churnkit.models.export.BundleExporter}
 * is the bridge: it takes the fitted feature pipeline, the churn model (its runtime predictor and
 * calibrator), optionally a segment model and CLV parameters, and the training table, and writes
 * the runtime forms, the schema, provenance and a drift baseline into a
 * {@link io.github.churnkit.scoring.bundle.ModelBundle}:
 *
 * <pre>{@code
 * FittedPipeline fitted = FeaturePipeline.defaults().fit(train);
 * ChurnModel churn = BoostedChurnTrainer.withDefaults().fit(fitted, fitted.transform(train), train.targetLabels());
 * ModelBundle bundle = BundleExporter.builder(fitted, churn, train)
 *         .clv(ClvInputs.fromChurnProbability("MonthlyCharges"), ClvSettings.defaults())
 *         .build();
 * bundle.writeTo(Path.of("churn.ckb"));
 * CustomerScorer scorer = CustomerScorer.load(Path.of("churn.ckb"));   // in the service
 * }</pre>
 *
 * <p>The bundle's bytes depend only on its inputs and the clock given to the builder.
 */
package io.github.churnkit.models.export;
