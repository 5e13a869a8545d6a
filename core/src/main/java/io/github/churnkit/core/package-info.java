/**
 * The customer data layer: schemas, typed columnar tables and seeded splits.
 *
 * <p>A {@link io.github.churnkit.core.CustomerTable} holds one typed
 * {@link io.github.churnkit.core.Column} per {@link io.github.churnkit.core.ColumnSpec} of its
 * {@link io.github.churnkit.core.Schema}. Tables usually come from CSV ingest
 * ({@code io.github.churnkit.core.io}) or from the synthetic generators
 * ({@code io.github.churnkit.core.synthetic}); they can also be built by hand:
 *
 * <pre>{@code
 * CustomerTable t = CustomerTable.of(List.of(
 *         NumericColumn.of("tenure", new double[] {1, 24, 60}),
 *         CategoricalColumn.of("plan", "Basic", "Premium", null)));
 * int[] folds = Splits.stratifiedFolds(labels, 5, 42L);
 * }</pre>
 *
 * <p>Missing values are NaN in numeric and boolean columns,
 * {@link io.github.churnkit.core.CategoricalColumn#MISSING} in categorical ones,
 * {@link io.github.churnkit.core.DateColumn#MISSING} in dates and null in text.
 */
package io.github.churnkit.core;
