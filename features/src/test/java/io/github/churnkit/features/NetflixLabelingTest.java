package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.core.testing.SharedData;
import io.github.churnkit.features.ColumnTransform.DaysSince;
import io.github.churnkit.features.ColumnTransform.Numeric;
import io.github.churnkit.features.ColumnTransform.Ordinal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The synthetic Netflix user base (2,500 users, no churn column): labelled from the last payment
 * date, then featurised with a declared plan order and tenure from the join date.
 */
class NetflixLabelingTest {

    private static final LocalDate SNAPSHOT = LocalDate.of(2023, 7, 15);

    @Test
    void labelled_netflix_countsMatchIndependentCount() {
        CustomerTable users = CsvIngest.withDefaults().read(SharedData.netflix()).table();
        CustomerTable t = ActivityLabeler.of(SNAPSHOT, 14).labelled(users, "Last Payment Date", "churned");
        int churned = 0;
        for (int y : t.targetLabels()) {
            churned += y;
        }
        // awk over the file: last payment before 2023-07-01 (more than 14 days before the snapshot): 866 of 2500
        assertEquals(866, churned);
        assertEquals(1, t.targetLabels()[0]); // user 1 last paid on 2023-06-10
    }

    @Test
    void pipeline_labelledNetflix_ordinalPlanAndTenureDays() {
        CustomerTable users = CsvIngest.withDefaults().read(SharedData.netflix()).table();
        CustomerTable t = ActivityLabeler.of(SNAPSHOT, 14).labelled(users, "Last Payment Date", "churned");
        FittedPipeline f = FeaturePipeline.defaults(t.schema())
                .with("Subscription Type", Ordinal.of("Basic", "Standard", "Premium"))
                .with("Join Date", new DaysSince(Numeric.flag()))
                .withReferenceDate(SNAPSHOT)
                .fit(t);
        assertFalse(f.inputColumns().contains("Last Payment Date")); // it defines the label
        double[] user1 = f.transform(t)[0];
        // user 1: Basic (rank 0), joined 2022-01-15: 365 days to 2023-01-15, then 181 to 2023-07-15
        assertEquals(0.0, user1[f.featureNames().indexOf("Subscription Type")]);
        assertEquals(546.0, user1[f.featureNames().indexOf("Join Date_days")]);
    }
}
