package io.github.churnkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the two real files in {@code shared/data}. Reference counts come from
 * {@code shared/data/SOURCES.md} (7,043 Telco rows, 1,869 churners, 11 blank {@code TotalCharges};
 * 2,500 Netflix users, {@code Monthly Revenue} summing to 31,271) and from reading the files'
 * first lines by eye.
 */
class SharedDataIngestTest {

    @Test
    void read_telco_infersTypesRolesAndMissingValues() {
        CsvIngest.Result r = CsvIngest.withDefaults().read(SharedData.telco());
        CustomerTable t = r.table();
        Schema s = t.schema();
        assertEquals(7043, t.rowCount());
        assertEquals(7043, r.report().rowsRead());
        assertEquals(0, r.report().rowsRejected());

        assertEquals(ColumnRole.TARGET, s.column("Churn").role());
        assertEquals(ColumnType.BOOLEAN, s.column("Churn").type());
        NumericColumn churn = t.numeric("Churn");
        double yes = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            yes += churn.get(i);
        }
        assertEquals(1869.0, yes);

        assertEquals(ColumnRole.ID, s.column("customerID").role());
        assertEquals(ColumnType.TEXT, s.column("customerID").type());
        assertEquals("7590-VHVEG", t.text("customerID").get(0));

        assertEquals(ColumnType.BOOLEAN, s.column("SeniorCitizen").type());
        for (String numeric : List.of("tenure", "MonthlyCharges", "TotalCharges")) {
            assertEquals(ColumnType.NUMERIC, s.column(numeric).type(), numeric);
            assertEquals(ColumnRole.FEATURE, s.column(numeric).role(), numeric);
        }
        NumericColumn total = t.numeric("TotalCharges");
        assertEquals(11, total.missingCount());
        assertEquals(11, r.report().missing("TotalCharges"));
        // first data row: 7590-VHVEG, tenure 1, MonthlyCharges 29.85, TotalCharges 29.85
        assertEquals(29.85, total.get(0));
        assertEquals(1.0, t.numeric("tenure").get(0));
        // SOURCES.md: all eleven blank TotalCharges rows have tenure 0
        NumericColumn tenure = t.numeric("tenure");
        for (int i = 0; i < t.rowCount(); i++) {
            if (Double.isNaN(total.get(i))) {
                assertEquals(0.0, tenure.get(i));
            }
        }
        assertTrue(s.column("TotalCharges").reason().contains("7032 of 7032 non-missing values parse as numbers"),
                s.column("TotalCharges").reason());
        assertTrue(s.column("TotalCharges").reason().contains("11 missing"), s.column("TotalCharges").reason());

        for (String yesNo : List.of("Partner", "Dependents", "PhoneService", "PaperlessBilling")) {
            assertEquals(ColumnType.BOOLEAN, s.column(yesNo).type(), yesNo);
        }
        for (String cat : List.of("gender", "MultipleLines", "InternetService", "OnlineSecurity", "Contract",
                "PaymentMethod")) {
            assertEquals(ColumnType.CATEGORICAL, s.column(cat).type(), cat);
        }
        CategoricalColumn lines = t.categorical("MultipleLines");
        assertEquals(3, lines.levelCount());
        assertTrue(lines.levels().contains("No phone service"));
        assertEquals(List.of("Month-to-month", "One year", "Two year"),
                t.categorical("Contract").levels().stream().sorted().toList());
        assertEquals(4, t.categorical("PaymentMethod").levelCount());
    }

    /** A copy of the Telco file in {@code dir} whose line 12 has {@code TotalCharges} = "abc". */
    private static Path telcoWithBadCell(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SharedData.telco(), StandardCharsets.UTF_8));
        String line12 = lines.get(11);
        int lastComma = line12.lastIndexOf(',');
        int totalStart = line12.lastIndexOf(',', lastComma - 1);
        lines.set(11, line12.substring(0, totalStart + 1) + "abc" + line12.substring(lastComma));
        Path copy = dir.resolve("telco.csv");
        Files.write(copy, lines, StandardCharsets.UTF_8);
        return copy;
    }

    @Test
    void read_telcoWithBadTotalCharges_strictNamesCellLenientRejectsOneRow(@TempDir Path dir) throws IOException {
        Path bad = telcoWithBadCell(dir);
        CsvIngest.Options numeric = CsvIngest.Options.defaults().withType("TotalCharges", ColumnType.NUMERIC);
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvIngest.of(numeric).read(bad));
        assertEquals("telco.csv line 12, column 'TotalCharges': expected a number, found \"abc\"", e.getMessage());

        CsvIngest.Result r = CsvIngest.of(numeric.withMode(CsvIngest.Mode.LENIENT)).read(bad);
        assertEquals(7043, r.report().rowsRead());
        assertEquals(7042, r.report().rowsAccepted());
        assertEquals(1, r.report().rowsRejected());
        assertEquals(7042, r.table().rowCount());
        assertEquals(12, r.report().rejected().get(0).line());

        // without the type, inference keeps the column as text and says where the odd cell is
        String reason = CsvIngest.withDefaults().inferSchema(bad).column("TotalCharges").reason();
        assertTrue(reason.contains("for example \"abc\" on line 12"), reason);
    }

    @Test
    void read_netflix_parsesTwoDigitYearDatesAndNumericId() {
        CsvIngest.Result r = CsvIngest.withDefaults().read(SharedData.netflix());
        CustomerTable t = r.table();
        Schema s = t.schema();
        assertEquals(2500, t.rowCount());
        assertEquals(ColumnRole.ID, s.column("User ID").role());
        assertEquals("1", t.text("User ID").get(0));
        assertEquals(ColumnType.DATE, s.column("Join Date").type());
        assertEquals(ColumnType.DATE, s.column("Last Payment Date").type());
        // first data row: Join Date 15-01-22, Last Payment Date 10-06-23 (dd-MM-yy)
        assertEquals(LocalDate.of(2022, 1, 15), t.date("Join Date").get(0));
        assertEquals(LocalDate.of(2023, 6, 10), t.date("Last Payment Date").get(0));
        assertTrue(s.column("Join Date").reason().contains("dd-MM-yy"), s.column("Join Date").reason());
        assertEquals(ColumnType.NUMERIC, s.column("Monthly Revenue").type());
        double revenue = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            revenue += t.numeric("Monthly Revenue").get(i);
        }
        assertEquals(31271.0, revenue);
        assertEquals(ColumnType.NUMERIC, s.column("Age").type());
        assertEquals(List.of("Basic", "Premium", "Standard"),
                t.categorical("Subscription Type").levels().stream().sorted().toList());
        assertEquals(List.of("1 Month"), t.categorical("Plan Duration").levels());
        assertTrue(s.target().isEmpty(), "the Netflix file has no churn label");
    }
}
