package io.github.churnkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void update_notInteractive_oneLinePerTenPercentThenDone() {
        StringWriter s = new StringWriter();
        try (ConsoleProgress p = new ConsoleProgress(new PrintWriter(s), "scoring", 200, false)) {
            for (int i = 1; i <= 200; i++) {
                p.update(i);
            }
        }
        List<String> lines = s.toString().lines().toList();
        // the first unit (0%), then 10%, 20%, ..., 100%, then the closing line: 12 lines for 200 updates
        assertEquals(12, lines.size(), s.toString());
        assertEquals("scoring: 0% (1/200)", lines.get(0));
        assertEquals("scoring: 10% (20/200)", lines.get(1));
        assertEquals("scoring: 100% (200/200)", lines.get(10));
        assertTrue(lines.get(11).startsWith("scoring: done in "), lines.get(11));
        assertTrue(!s.toString().contains("\r"), "no carriage returns in logs");
    }

    @Test
    void update_interactive_redrawsOneLineWithBar() {
        StringWriter s = new StringWriter();
        try (ConsoleProgress p = new ConsoleProgress(new PrintWriter(s), "fit", 4, true)) {
            p.update(4);
        }
        String text = s.toString();
        assertTrue(text.startsWith("\rfit [" + "#".repeat(30) + "] 100% (4/4)"), text);
    }

    @Test
    void stageProgress_newStageClosesPrevious() {
        StringWriter s = new StringWriter();
        try (StageProgress p = new StageProgress(new PrintWriter(s), false)) {
            p.progress("a", 1, 1);
            p.progress("b", 1, 1);
        }
        List<String> lines = s.toString().lines().toList();
        assertEquals(List.of("a: 100% (1/1)", "b: 100% (1/1)"),
                List.of(lines.get(0), lines.get(2)), s.toString());
        assertTrue(lines.get(1).startsWith("a: done in") && lines.get(3).startsWith("b: done in"), s.toString());
    }
}
