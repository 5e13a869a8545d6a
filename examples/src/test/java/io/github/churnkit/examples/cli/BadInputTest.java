package io.github.churnkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one line on standard error, naming the problem, and exit code 2. */
class BadInputTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static String smallCsv() {
        StringBuilder sb = new StringBuilder("id,tenure,plan,Churn\n");
        for (int i = 0; i < 40; i++) {
            sb.append("c").append(i).append(',').append(i % 24 + 1).append(',').append(i % 3 == 0 ? "Basic" : "Premium")
                    .append(',').append(i % 4 == 0 ? "Yes" : "No").append('\n');
        }
        return sb.toString();
    }

    private void assertOneLineError(CliRun r, String... fragments) {
        assertEquals(ChurnkitCli.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.errLines(), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "expected '" + f + "' in: " + r.err());
        }
    }

    @Test
    void train_missingFile_oneLineExit2() {
        Path missing = dir.resolve("nope.csv");
        assertOneLineError(CliRun.of("train", "--data", missing.toString(), "--target", "Churn", "--out",
                dir.resolve("m.ckb").toString()), "file not found", "nope.csv");
    }

    @Test
    void train_wrongTargetName_oneLineExit2NamingColumn() throws IOException {
        Path f = csv(smallCsv());
        assertOneLineError(CliRun.of("train", "--data", f.toString(), "--target", "Exited", "--out",
                dir.resolve("m.ckb").toString()), "'Exited'", "columns are", "Churn");
    }

    @Test
    void train_binaryFile_oneLineExit2() throws IOException {
        Path f = dir.resolve("picture.png");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(f, bytes);
        CliRun r = CliRun.of("train", "--data", f.toString(), "--target", "Churn", "--out",
                dir.resolve("m.ckb").toString());
        assertOneLineError(r, "picture.png", "not a text");
    }

    @Test
    void train_emptyFile_oneLineExit2() throws IOException {
        Path f = csv("");
        assertOneLineError(CliRun.of("train", "--data", f.toString(), "--out", dir.resolve("m.ckb").toString()),
                "empty", "customers.csv");
    }

    @Test
    void train_unknownModel_oneLineExit2() throws IOException {
        Path f = csv(smallCsv());
        assertOneLineError(CliRun.of("train", "--data", f.toString(), "--model", "forest", "--out",
                dir.resolve("m.ckb").toString()), "forest");
    }

    @Test
    void train_unknownTenureColumn_oneLineExit2NamingColumn() throws IOException {
        Path f = csv(smallCsv());
        assertOneLineError(CliRun.of("train", "--data", f.toString(), "--target", "Churn", "--tenure-col", "months",
                "--out", dir.resolve("m.ckb").toString()), "--tenure-col", "'months'", "columns are");
    }

    @Test
    void train_categoricalRevenueColumn_oneLineExit2NamingColumnAndType() throws IOException {
        Path f = csv(smallCsv());
        assertOneLineError(CliRun.of("train", "--data", f.toString(), "--target", "Churn", "--revenue-col", "plan",
                "--out", dir.resolve("m.ckb").toString()), "--revenue-col", "'plan'", "CATEGORICAL", "numeric");
    }

    @Test
    void train_unknownOption_oneLineExit2() {
        assertOneLineError(CliRun.of("train", "--data", "a.csv", "--out", "m.ckb", "--bogus"), "--bogus");
    }

    @Test
    void help_everySubcommand_exit0() {
        for (String cmd : new String[] {"demo", "train", "evaluate", "score", "segment", "kpis", "report", "monitor",
            "clv"}) {
            CliRun r = CliRun.of(cmd, "--help");
            assertEquals(0, r.code(), cmd + ": " + r.err());
            assertTrue(r.out().contains("--json"), cmd + " help lists --json: " + r.out());
        }
    }
}
