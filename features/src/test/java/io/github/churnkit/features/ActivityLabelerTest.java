package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.TextColumn;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityLabelerTest {

    private static final LocalDate SNAPSHOT = LocalDate.of(2024, 6, 30);

    private static CustomerTable users() {
        return CustomerTable.of(List.of(
                TextColumn.of("user", "u1", "u2", "u3", "u4"),
                DateColumn.of("lastPayment", LocalDate.of(2024, 5, 31), LocalDate.of(2024, 5, 30),
                        LocalDate.of(2024, 7, 5), null)));
    }

    @Test
    void label_windowBoundary_handChecked() {
        NumericColumn y = ActivityLabeler.of(SNAPSHOT, 30).label(users(), "lastPayment", "churned");
        assertEquals(0.0, y.get(0)); // 2024-05-31 is 30 days before 2024-06-30: within the window
        assertEquals(1.0, y.get(1)); // 31 days before: churned
        assertEquals(0.0, y.get(2)); // activity after the snapshot: active
        assertTrue(Double.isNaN(y.get(3))); // no date: no label
    }

    @Test
    void labelled_appendsTargetAndIgnoresActivityColumn() {
        CustomerTable t = ActivityLabeler.of(SNAPSHOT, 30).labelled(users(), "lastPayment", "churned");
        assertEquals(ColumnRole.TARGET, t.schema().column("churned").role());
        assertEquals(ColumnRole.IGNORED, t.schema().column("lastPayment").role());
        assertEquals(1, t.targetLabels()[1]);
        assertEquals(-1, t.targetLabels()[3]);
    }

    @Test
    void labelled_existingTarget_demotedToIgnored() {
        CustomerTable once = ActivityLabeler.of(SNAPSHOT, 30).labelled(users(), "lastPayment", "churned30");
        CustomerTable withDate = CustomerTable.of(once.schema().toBuilder().role("lastPayment", ColumnRole.FEATURE).build(),
                once.columns());
        CustomerTable twice = ActivityLabeler.of(SNAPSHOT, 60).labelled(withDate, "lastPayment", "churned60");
        assertEquals(ColumnRole.IGNORED, twice.schema().column("churned30").role());
        assertEquals(ColumnRole.TARGET, twice.schema().column("churned60").role());
    }

    @Test
    void of_nonPositiveWindow_throws() {
        assertThrows(IllegalArgumentException.class, () -> ActivityLabeler.of(SNAPSHOT, 0));
    }

    @Test
    void label_notADateColumn_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> ActivityLabeler.of(SNAPSHOT, 30).label(users(), "user", "churned"));
    }
}
