package io.github.churnkit.scoring.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.TextColumn;
import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.ModelBundle;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingDistributionsTest {

    private static CustomerTable table() {
        CustomerTable t = CustomerTable.of(List.of(
                TextColumn.of("id", "a", "b", "c", "d"),
                NumericColumn.of("tenure", new double[] {1, 2, 3, Double.NaN}),
                DateColumn.of("signup", new int[] {100, 200, DateColumn.MISSING, 400}),
                CategoricalColumn.of("plan", "x", "y", "x", null)));
        return t.withSchema(t.schema().toBuilder().role("id", ColumnRole.ID).build());
    }

    @Test
    void fit_featureColumns_numericDateAndCategoricalSummarisedTextSkipped() {
        TrainingDistributions d = TrainingDistributions.fit(table(), new double[] {0.1, 0.2, 0.3, 0.4},
                TrainingDistributions.Config.defaults().withBins(2));
        assertEquals(List.of("tenure", "signup", "plan"), d.featureNames());
        assertEquals(2, d.numeric().size());
        assertEquals(1, d.numeric().get(1).missingCount(), "a missing date counts as missing");
        assertEquals(1, d.categorical().get(0).missingCount());
        assertEquals(TrainingDistributions.SCORE, d.score().name());
    }

    @Test
    void readFrom_written_equal() {
        TrainingDistributions d = TrainingDistributions.fit(table(), new double[] {0.1, 0.2, 0.3, 0.4},
                TrainingDistributions.Config.defaults());
        ModelBundle b = ModelBundle.builder().put(TrainingDistributions.SECTION, d::writeTo).build();
        assertEquals(d, b.decode(TrainingDistributions.SECTION, TrainingDistributions::readFrom));
    }

    @Test
    void readFrom_unsortedEdges_refusedNamingInput() {
        ModelBundle b = ModelBundle.builder().put(TrainingDistributions.SECTION, o -> {
            o.writeString("score").writeDoubleArray(new double[] {0.5, 0.2}).writeLongArray(new long[] {1, 1, 1})
                    .writeLong(0);
            o.writeInt(0);
        }).build();
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> b.decode(TrainingDistributions.SECTION, TrainingDistributions::readFrom));
        assertTrue(e.getMessage().contains("'score': edges must be finite and strictly increasing"), e.getMessage());
    }

    @Test
    void fit_scoreLengthMismatch_throws() {
        assertThrows(IllegalArgumentException.class, () -> TrainingDistributions.fit(table(), new double[3],
                TrainingDistributions.Config.defaults()));
    }

    @Test
    void config_binsOutOfRange_throws() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingDistributions.Config(1));
        assertEquals(10, TrainingDistributions.Config.defaults().bins());
    }
}
