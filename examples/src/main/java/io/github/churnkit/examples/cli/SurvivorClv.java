package io.github.churnkit.examples.cli;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.models.clv.SbgFitter;
import io.github.churnkit.models.clv.SbgModel;
import io.github.churnkit.scoring.clv.SbgParameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The subscription half of {@code clv}: the sBG model on survivor counts or individual tenures. */
final class SurvivorClv {

    private SurvivorClv() {
    }

    static void run(ClvCommand c) throws IOException {
        Path file = Inputs.requireCsv(c.source.survivors, "--survivors");
        SbgModel model;
        String input;
        if (c.tenureCol != null || c.churnCol != null) {
            if (c.tenureCol == null || c.churnCol == null) {
                throw new BadInputException("individual data needs both --tenure-col and --churn-col");
            }
            CustomerTable t = Inputs.readTable(file, c.churnCol, null, List.of()).table();
            if (!(t.column(c.tenureCol) instanceof NumericColumn tenure)) {
                throw new BadInputException("--tenure-col: column '" + c.tenureCol + "' of " + file + " is not numeric");
            }
            int[] y = t.targetLabels();
            int[] periods = new int[y.length];
            boolean[] churned = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                double v = tenure.get(i);
                if (Double.isNaN(v) || v < 0 || y[i] < 0) {
                    throw new BadInputException(String.format(Locale.ROOT, "%s row %d: tenure %s and churn label must be "
                            + "present and tenure >= 0", file, i + 2, tenure.format(i)));
                }
                churned[i] = y[i] == 1;
                periods[i] = Math.max(churned[i] ? 1 : 0, (int) Math.round(v));
            }
            model = SbgFitter.withDefaults().fitIndividuals(periods, churned);
            input = y.length + " customers";
        } else {
            List<long[]> cohorts = readCohorts(file);
            model = SbgFitter.withDefaults().fitCohorts(cohorts);
            input = cohorts.size() + " cohorts";
        }
        SbgParameters p = model.parameters();
        PrintWriter o = c.out();
        o.println("sBG fitted on " + input);
        ClvCommand.printEstimates(o, "sBG", model.estimates());
        List<String> curve = new ArrayList<>();
        for (int t = 1; t <= 12; t++) {
            curve.add(String.format(Locale.ROOT, "%d: %.3f", t, p.survival(t)));
        }
        o.println("survival S(t): " + String.join(", ", curve));
        List<String> retention = new ArrayList<>();
        for (int t = 1; t <= 12; t++) {
            retention.add(String.format(Locale.ROOT, "%.3f", p.retentionRate(t)));
        }
        o.println("retention rate r(1..12): " + String.join(", ", retention));
        double derl = p.derl(c.discount, 0);
        o.println(String.format(Locale.ROOT, "DERL of a new customer at discount %.3f per period: %.3f periods "
                + "(CLV = margin x revenue per period x DERL)", c.discount, derl));
        c.writeJson(g -> {
            g.writeStringField("mode", "survivors");
            g.writeStringField("input", input);
            ClvCommand.estimates(g, "sbg", model.estimates());
            g.writeArrayFieldStart("survival");
            for (int t = 0; t <= 12; t++) {
                g.writeNumber(p.survival(t));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("retentionRate");
            for (int t = 1; t <= 12; t++) {
                g.writeNumber(p.retentionRate(t));
            }
            g.writeEndArray();
            JsonOut.number(g, "discount", c.discount);
            JsonOut.number(g, "derl", derl);
        });
    }

    /** One cohort per line: survivor counts at periods 0, 1, 2, ...; a header line is skipped. */
    static List<long[]> readCohorts(Path file) throws IOException {
        List<long[]> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            List<Long> counts = new ArrayList<>();
            boolean header = false;
            for (int j = 0; j < cells.length; j++) {
                String s = cells[j].strip();
                if (s.isEmpty()) {
                    break;
                }
                try {
                    counts.add(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    if (out.isEmpty() && lineNo == 1) {
                        header = true;
                        break;
                    }
                    throw new BadInputException(String.format(Locale.ROOT,
                            "%s line %d, column %d: expected a whole survivor count, found \"%s\"", file, lineNo, j + 1, s));
                }
            }
            if (!header && !counts.isEmpty()) {
                out.add(counts.stream().mapToLong(Long::longValue).toArray());
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException(file + " has no survivor counts (one cohort per line: counts at period 0, 1, ...)");
        }
        return out;
    }
}
