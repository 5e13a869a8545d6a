package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.io.CsvIngest;
import io.github.churnkit.core.testing.SharedData;
import io.github.churnkit.features.ColumnTransform.Numeric;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on the IBM Telco file (7,043 customers): CSV ingest with the inferred schema, then
 * the default pipeline with no configuration at all. Reference statistics are those of the file
 * as reported by pandas {@code DataFrame.describe()} (TotalCharges with its 11 blank cells dropped).
 */
class TelcoPipelineTest {

    private static CustomerTable telco;

    @BeforeAll
    static void load() {
        telco = CsvIngest.withDefaults().read(SharedData.telco()).table();
    }

    private static List<String> threeWay(String column, String none) {
        return List.of(column + "=No", column + "=" + none, column + "=Yes");
    }

    /** The expected names, written from the file's levels and the naming rules (levels alphabetical). */
    private static List<String> expectedNames() {
        List<String> n = new ArrayList<>(List.of("gender=Female", "gender=Male", "SeniorCitizen", "Partner",
                "Dependents", "tenure", "PhoneService"));
        n.addAll(threeWay("MultipleLines", "No phone service"));
        n.addAll(List.of("InternetService=DSL", "InternetService=Fiber optic", "InternetService=No"));
        for (String c : List.of("OnlineSecurity", "OnlineBackup", "DeviceProtection", "TechSupport", "StreamingTV",
                "StreamingMovies")) {
            n.addAll(threeWay(c, "No internet service"));
        }
        n.addAll(List.of("Contract=Month-to-month", "Contract=One year", "Contract=Two year", "PaperlessBilling",
                "PaymentMethod=Bank transfer (automatic)", "PaymentMethod=Credit card (automatic)",
                "PaymentMethod=Electronic check", "PaymentMethod=Mailed check",
                "MonthlyCharges", "TotalCharges", "TotalCharges_missing"));
        return n;
    }

    @Test
    void defaults_telco_featureNamesAsListed() {
        FittedPipeline f = FeaturePipeline.defaults(telco.schema()).fit(telco);
        assertEquals(expectedNames(), f.featureNames());
        assertFalse(f.inputColumns().contains("customerID"));
        assertFalse(f.inputColumns().contains("Churn"));
        assertEquals(19, f.inputColumns().size());
    }

    @Test
    void defaults_telco_sensibleMatrix() {
        FittedPipeline f = FeaturePipeline.defaults(telco.schema()).fit(telco);
        double[][] x = f.transform(telco);
        assertEquals(7043, x.length);
        List<String> names = f.featureNames();
        int missing = names.indexOf("TotalCharges_missing");
        int contractStart = names.indexOf("Contract=Month-to-month");
        int tenure = names.indexOf("tenure");
        double flagged = 0;
        double minTenure = Double.POSITIVE_INFINITY;
        for (double[] row : x) {
            minTenure = Math.min(minTenure, row[tenure]);
        }
        for (double[] row : x) {
            for (double v : row) {
                assertTrue(Double.isFinite(v));
            }
            // one-hot: exactly one contract level per customer
            assertEquals(1.0, row[contractStart] + row[contractStart + 1] + row[contractStart + 2]);
            flagged += row[missing];
            if (row[missing] == 1.0) {
                assertEquals(minTenure, row[tenure]); // tenure 0 is the smallest tenure
            }
        }
        // the file has 11 blank TotalCharges, all of customers with tenure 0 (they have not been billed yet)
        assertEquals(11.0, flagged);
    }

    @Test
    void defaults_telco_monthlyChargesStandardisedWithFileMoments() {
        FittedPipeline f = FeaturePipeline.defaults(telco.schema()).fit(telco);
        double[][] x = f.transform(telco);
        // pandas: mean 64.761692, sample sd 30.090047 (n = 7043); population sd = 30.090047 * sqrt(7042 / 7043)
        double sd = 30.090047 * Math.sqrt(7042.0 / 7043.0);
        double expected = (29.85 - 64.761692) / sd; // first customer pays 29.85
        assertEquals(expected, x[0][f.featureNames().indexOf("MonthlyCharges")], 1e-6);
    }

    @Test
    void totalCharges_unscaled_imputedWithFileMedian() {
        FittedPipeline f = FeaturePipeline.defaults(telco.schema())
                .with("TotalCharges", Numeric.defaults().withStandardize(false)).fit(telco);
        double[][] x = f.transform(telco);
        int col = f.featureNames().indexOf("TotalCharges");
        int flag = col + 1;
        for (double[] row : x) {
            if (row[flag] == 1.0) {
                // pandas: TotalCharges 50% = 1397.475 over the 7032 non-blank values
                assertEquals(1397.475, row[col], 1e-9);
            }
        }
    }

    @Test
    void rawRow_telcoCsvStrings_sameVectorsAsTablePath() throws IOException {
        FittedPipeline f = FeaturePipeline.defaults(telco.schema()).withStrict(true).fit(telco);
        double[][] expected = f.transform(telco);
        List<String> lines = Files.readAllLines(SharedData.telco());
        List<String> header = List.of(lines.get(0).split(","));
        int n = f.inputColumns().size();
        int[] field = new int[n];
        for (int j = 0; j < n; j++) {
            field[j] = header.indexOf(f.inputColumns().get(j));
        }
        RowBuffer row = RowBuffer.of(f);
        double[] x = new double[f.width()];
        for (int r = 0; r < expected.length; r++) {
            // the file has no quoted fields, so a plain split gives the raw strings a service would receive
            String[] cells = lines.get(r + 1).split(",", -1);
            row.clear();
            for (int j = 0; j < n; j++) {
                String cell = cells[field[j]].trim();
                switch (f.inputType(j)) {
                    case CATEGORICAL -> row.setCategory(j, cell);
                    case BOOLEAN -> row.setNumber(j, cell.equals("Yes") || cell.equals("1") ? 1 : 0);
                    default -> row.setNumber(j, cell.isEmpty() ? Double.NaN : Double.parseDouble(cell));
                }
            }
            f.transform(row, x);
            assertArrayEquals(expected[r], x, "row " + r);
        }
    }

    @Test
    void transform_manyThreads_sameVectors() throws Exception {
        FittedPipeline f = FeaturePipeline.defaults(telco.schema()).fit(telco);
        double[][] expected = f.transform(telco);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                results.add(pool.submit(() -> f.transform(telco)));
            }
            for (Future<double[][]> result : results) {
                double[][] got = result.get();
                for (int r = 0; r < expected.length; r++) {
                    assertArrayEquals(expected[r], got[r]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
