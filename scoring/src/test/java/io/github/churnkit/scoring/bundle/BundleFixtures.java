package io.github.churnkit.scoring.bundle;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.TextColumn;
import io.github.churnkit.scoring.monitor.TrainingDistributions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small but complete bundle used by several tests. */
final class BundleFixtures {

    private BundleFixtures() {
    }

    static CustomerTable table() {
        return CustomerTable.of(List.of(
                TextColumn.of("id", "c1", "c2", "c3", "c4", "c5", "c6"),
                NumericColumn.of("tenure", new double[] {1, 5, 12, 24, Double.NaN, 60}),
                CategoricalColumn.of("contract", "Month", "Month", "Year", null, "Two year", "Year"),
                NumericColumn.ofBoolean("churn", new double[] {1, 1, 0, 0, 1, 0})))
                .withSchema(Schema.builder()
                        .add("id", ColumnRole.ID, ColumnType.TEXT)
                        .add("tenure", ColumnRole.FEATURE, ColumnType.NUMERIC)
                        .add("contract", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
                        .add("churn", ColumnRole.TARGET, ColumnType.BOOLEAN)
                        .build());
    }

    static ModelSchema schema() {
        return new ModelSchema(table().schema(), Map.of("contract", List.of("Month", "Year", "Two year")));
    }

    static TrainingMetrics metrics() {
        return new TrainingMetrics(Map.of("auc", 0.84, "brier", 0.141, "log.loss", 0.42));
    }

    static Provenance provenance() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("trees", "100");
        settings.put("depth", "6");
        settings.put("learning.rate", "0.05");
        return new Provenance(settings, 42L, DataFingerprint.of(table()),
                new RunInfo("0.1.0", "17.0.12", Instant.parse("2026-11-23T10:15:30.123456789Z")));
    }

    static TrainingDistributions distributions() {
        return TrainingDistributions.fit(table(), new double[] {0.9, 0.8, 0.2, 0.1, 0.7, 0.05},
                TrainingDistributions.Config.defaults().withBins(3));
    }

    static ModelBundle bundle() {
        return ModelBundle.builder()
                .put(ModelSchema.SECTION, schema()::writeTo)
                .put(TrainingMetrics.SECTION, metrics()::writeTo)
                .put(Provenance.SECTION, provenance()::writeTo)
                .put(TrainingDistributions.SECTION, distributions()::writeTo)
                .build();
    }

    /** Reads every known section, as a scorer would; returns the number of sections decoded. */
    static int decodeAll(ModelBundle b) {
        int n = 0;
        if (b.contains(ModelSchema.SECTION)) {
            b.decode(ModelSchema.SECTION, ModelSchema::readFrom);
            n++;
        }
        if (b.contains(TrainingMetrics.SECTION)) {
            b.decode(TrainingMetrics.SECTION, TrainingMetrics::readFrom);
            n++;
        }
        if (b.contains(Provenance.SECTION)) {
            b.decode(Provenance.SECTION, Provenance::readFrom);
            n++;
        }
        if (b.contains(TrainingDistributions.SECTION)) {
            b.decode(TrainingDistributions.SECTION, TrainingDistributions::readFrom);
            n++;
        }
        return n;
    }

    /** Recomputes the trailing SHA-256 so that an edited body passes the checksum ("hand-edited"). */
    static byte[] reseal(byte[] file) throws Exception {
        byte[] out = file.clone();
        if (out.length < 32) {
            return out;
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(out, out.length - 32));
        System.arraycopy(digest, 0, out, out.length - 32, 32);
        return out;
    }
}
