/**
 * Feature engineering: a declarative pipeline, fitted on training rows only, that turns customer
 * records into dense feature vectors, the same way at training time and at scoring time.
 *
 * <h2>Fit on training rows, transform anything</h2>
 *
 * <pre>{@code
 * Splits.TrainTest split = Splits.stratifiedTrainTest(table.targetLabels(), 0.2, 42L);
 * CustomerTable train = table.select(split.train());
 * FittedPipeline features = FeaturePipeline.defaults(table.schema()).fit(train);
 * double[][] xTrain = features.transformOutOfFold(train);  // equals transform(train) without target encoding
 * double[][] xTest = features.transform(table.select(split.test()));
 * features.featureNames();                                  // [gender=Female, gender=Male, SeniorCitizen, ...]
 * }</pre>
 *
 * <p>{@link io.github.churnkit.features.FeaturePipeline#defaults defaults} reads the schema:
 * ID, TARGET, IGNORED and TEXT columns are left out; numbers are median-imputed (with a
 * {@code _missing} indicator when training saw missing values) and standardised; booleans pass
 * through as 0/1; categories are one-hot encoded with rare levels pooled into {@code =other};
 * dates become days before the reference (snapshot) date. Override per column (or per type with
 * {@code withAll}) with {@link io.github.churnkit.features.ColumnTransform} records, for example
 * {@code log1p} and winsorising for money columns, an ordinal order for plan tiers, out-of-fold
 * target encoding for a high-cardinality city column, or ratios such as charges per month of tenure:
 *
 * <pre>{@code
 * FeaturePipeline spec = FeaturePipeline.defaults(schema)
 *         .with("TotalCharges", Numeric.defaults().withLog1p(true).withClipQuantile(0.01))
 *         .with("Contract", Ordinal.of("Month-to-month", "One year", "Two year"))
 *         .with("City", TargetEncoding.defaults())
 *         .withRatio("charges_per_month", "TotalCharges", "tenure")   // tenure 0: missing, imputed, flagged
 *         .withReferenceDate(LocalDate.of(2024, 6, 30))
 *         .withStrict(true);                                          // unseen levels throw at transform time
 * }</pre>
 *
 * <h2>Scoring one record without garbage</h2>
 *
 * <p>A service implements {@link io.github.churnkit.features.RawRow} over its request object,
 * looks the input indices up once with
 * {@link io.github.churnkit.features.FittedPipeline#inputIndex}, and calls
 * {@link io.github.churnkit.features.FittedPipeline#transform(RawRow, double[])} with a reused
 * array: categories are matched by a precomputed hash table over the level strings, nothing is
 * allocated, and the fitted pipeline is safe to share between threads.
 *
 * <h2>Plain data, not code</h2>
 *
 * <p>{@link io.github.churnkit.features.FittedPipeline#writeTo} writes a documented, versioned,
 * validated binary form (numbers and strings only) that a model bundle embeds; reading it back
 * gives bit-identical vectors.
 *
 * <h2>Labels from activity</h2>
 *
 * <p>Data without a churn column (a user base with last payment dates) is labelled with
 * {@link io.github.churnkit.features.ActivityLabeler}: a customer whose last activity is more than
 * an inactivity window before the snapshot date has churned.
 */
package io.github.churnkit.features;
