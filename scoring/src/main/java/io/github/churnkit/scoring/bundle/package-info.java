/**
 * The model bundle: one data-only file that holds everything scoring needs, loaded safely.
 *
 * <h2>Writing</h2>
 * A bundle is a set of named sections. Each runtime form writes its own section with a
 * {@link io.github.churnkit.scoring.bundle.BundleOutput}:
 * <pre>{@code
 * ModelBundle bundle = ModelBundle.builder()
 *         .put(ModelSchema.SECTION, schema::writeTo)          // columns, roles, types, levels
 *         .put(TrainingMetrics.SECTION, metrics::writeTo)     // "auc" -> 0.84, ...
 *         .put(Provenance.SECTION, provenance::writeTo)       // settings, seed, data, versions, time
 *         .put(TrainingDistributions.SECTION, drift::writeTo) // for the drift monitor
 *         .build();
 * bundle.writeTo(Path.of("churn-model.ckb"));
 * }</pre>
 * The same content always gives the same bytes (sections are sorted by name, maps by key, NaN is
 * canonical), so a bundle can be checked into a model registry and compared by checksum.
 *
 * <h2>Loading</h2>
 * <pre>{@code
 * ModelBundle loaded = ModelBundle.load(Path.of("churn-model.ckb"));  // magic, version, checksum, table
 * ModelSchema schema = loaded.decode(ModelSchema.SECTION, ModelSchema::readFrom);
 * }</pre>
 * Everything is validated before use, and only {@link io.github.churnkit.scoring.bundle.BundleFormatException}
 * (or its subtype {@link io.github.churnkit.scoring.bundle.UnsupportedBundleVersionException}) comes out
 * for a bad file; {@link java.io.UncheckedIOException} for a file that cannot be read. A declared length
 * can never make the loader allocate more than the bytes actually present.
 *
 * <h2>Adding a section for a new runtime form</h2>
 * Give the form a {@code writeTo(BundleOutput)} method and a static {@code readFrom(BundleInput)}
 * factory. In {@code readFrom}, read with explicit maxima ({@code readFiniteDoubleArray("weights",
 * maxLen)}, {@code readIntArray("children", maxLen, -1, nodes - 1)}), check cross-field invariants
 * and throw {@code in.fail("...")} or let the form's constructor throw an
 * {@link java.lang.IllegalArgumentException}: {@link io.github.churnkit.scoring.bundle.ModelBundle#decode}
 * wraps it with the section name. Document the payload in {@code docs/model-format.md}.
 *
 * <h2>Hot reload</h2>
 * {@link io.github.churnkit.scoring.bundle.Reloadable} holds a loaded object and swaps in a newly
 * loaded one atomically while other threads keep using the old one.
 *
 * <p>There is no Java serialization anywhere in this format.
 */
package io.github.churnkit.scoring.bundle;
