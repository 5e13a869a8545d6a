package io.github.churnkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void isNumber_plainDecimals_accepted() {
        for (String s : List.of("0", "-1", "+2", "3.", ".5", "29.85", "1e3", "1.5E-2", "-0.0", "007")) {
            assertTrue(Values.isNumber(s), s);
        }
        assertEquals(1889.5, Values.parseNumber("1889.5"));
        assertEquals(-0.015, Values.parseNumber("-1.5e-2"));
    }

    @Test
    void isNumber_whatParseDoubleAlsoTakes_rejected() {
        for (String s : List.of("", "-", ".", "NaN", "Infinity", "0x1p3", "1d", "2f", "1,5", "1 000", "1e", "e5",
                "1.2.3", "abc", "--1")) {
            assertFalse(Values.isNumber(s), s);
        }
        assertTrue(Double.isNaN(Values.parseNumber("abc")));
    }

    @Test
    void isInteger_digitsOnly() {
        assertTrue(Values.isInteger("123"));
        assertTrue(Values.isInteger("-4"));
        assertFalse(Values.isInteger("1.0"));
        assertFalse(Values.isInteger("-"));
        assertFalse(Values.isInteger(""));
    }

    @Test
    void parseBoolean_tokensInAnyCase() {
        for (String yes : List.of("yes", "YES", "Yes", "true", "TRUE", "1")) {
            assertEquals(1, Values.parseBoolean(yes), yes);
        }
        for (String no : List.of("no", "NO", "No", "false", "False", "0")) {
            assertEquals(0, Values.parseBoolean(no), no);
        }
        for (String other : List.of("y", "n", "2", "yess", "maybe", "", "1.0")) {
            assertEquals(-1, Values.parseBoolean(other), other);
        }
    }

    @Test
    void epochDay_eachLayout_readsTheSameDay() {
        int day = Math.toIntExact(LocalDate.of(2022, 1, 15).toEpochDay());
        for (String s : List.of("2022-01-15", "15-01-2022", "15/01/2022", "15-01-22", "15/01/22")) {
            assertEquals(day, Values.epochDay(s), s);
        }
    }

    @Test
    void epochDay_impossibleOrOtherLayouts_notADate() {
        for (String s : List.of("2023-02-29", "29-02-2023", "31-04-2022", "2022-13-01", "00-01-2022", "2022/01/15",
                "15-01/2022", "15.01.2022", "1-1-2022", "2022-1-15", "15-Jan-22", "20220115")) {
            assertEquals(Values.NOT_A_DATE, Values.epochDay(s), s);
        }
        // leap days: 2024 and 2000 are leap years, 1900 is not (divisible by 100 but not 400)
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), Values.epochDay("29-02-2024"));
        assertEquals(LocalDate.of(2000, 2, 29).toEpochDay(), Values.epochDay("2000-02-29"));
        assertEquals(Values.NOT_A_DATE, Values.epochDay("1900-02-29"));
    }

    @Test
    void epochDay_twoDigitYear_isIn2000s() {
        assertEquals(LocalDate.of(2099, 12, 31).toEpochDay(), Values.epochDay("31-12-99"));
        assertEquals(LocalDate.of(2000, 1, 1).toEpochDay(), Values.epochDay("01/01/00"));
    }
}
