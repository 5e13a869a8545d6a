package io.github.churnkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CohortRetentionTableTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void monthly_smallExample_matchesHandCount() {
        // January cohort: 3 customers; one ends 2024-02-10 (gone by March 1), one ends 2024-03-31 (gone by April 1),
        // one still active. February cohort: 2 customers, one ends 2024-02-20 (gone by March 1).
        LocalDate[] joined = {d("2024-01-05"), d("2024-01-20"), d("2024-01-31"), d("2024-02-01"), d("2024-02-15")};
        LocalDate[] ended = {d("2024-02-10"), d("2024-03-31"), null, d("2024-02-20"), null};
        CohortRetentionTable t = CohortRetentionTable.monthly(joined, ended, d("2024-04-15"));
        assertEquals(2, t.cohortCount());
        assertEquals(YearMonth.of(2024, 1), t.cohort(0));
        assertEquals(3, t.cohortSize(0));
        // Jan cohort: k=0 (Jan) 3; k=1 (Feb 1) 3; k=2 (Mar 1) 2; k=3 (Apr 1) 1
        assertEquals(4, t.observableMonths(0));
        assertEquals(1.0, t.retention(0, 0));
        assertEquals(1.0, t.retention(0, 1));
        assertEquals(2.0 / 3, t.retention(0, 2), 1e-15);
        assertEquals(1.0 / 3, t.retention(0, 3), 1e-15);
        assertEquals(Double.NaN, t.retention(0, 4));
        // Feb cohort: k=0 2; k=1 (Mar 1) 1; k=2 (Apr 1) 1
        assertEquals(3, t.observableMonths(1));
        assertEquals(0.5, t.retention(1, 1));
        assertEquals(1, t.retained(1, 2));
        assertEquals(-1, t.retained(1, 3));
    }

    @Test
    void monthly_endAfterAsOf_countsAsActive() {
        CohortRetentionTable t = CohortRetentionTable.monthly(new LocalDate[] {d("2024-01-10")},
                new LocalDate[] {d("2024-05-01")}, d("2024-03-01"));
        assertEquals(1.0, t.retention(0, 2));
    }

    @Test
    void monthly_badInput_throws() {
        assertThrows(IllegalArgumentException.class, () -> CohortRetentionTable.monthly(new LocalDate[0],
                new LocalDate[0], d("2024-01-01")));
        assertThrows(IllegalArgumentException.class, () -> CohortRetentionTable.monthly(
                new LocalDate[] {d("2024-02-01")}, new LocalDate[] {d("2024-01-01")}, d("2024-03-01")));
        assertThrows(IllegalArgumentException.class, () -> CohortRetentionTable.monthly(
                new LocalDate[] {d("2024-05-01")}, new LocalDate[] {null}, d("2024-03-01")));
        assertThrows(IllegalArgumentException.class, () -> CohortRetentionTable.monthly(
                new LocalDate[] {null}, new LocalDate[] {null}, d("2024-03-01")));
    }
}
