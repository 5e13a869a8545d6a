package io.github.churnkit.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code churnkit} command line. Exit codes: 0 success, 1 a runtime failure (an I/O error, a
 * model that could not be fitted), 2 a usage error or bad input (unknown option, missing or
 * unreadable file, a column that does not exist, a malformed CSV). Errors are one line on standard
 * error, naming the file, column or value.
 */
@Command(name = "churnkit", mixinStandardHelpOptions = true, versionProvider = ChurnkitCli.Version.class,
        description = "Churn prediction, segmentation and customer lifetime value on your customer CSV.",
        subcommands = {DemoCommand.class, TrainCommand.class, EvaluateCommand.class, ScoreCommand.class,
                SegmentCommand.class, KpisCommand.class, ReportCommand.class, MonitorCommand.class,
                ClvCommand.class, CommandLine.HelpCommand.class})
public final class ChurnkitCli implements Runnable {

    /** Exit code of a successful run. */
    public static final int OK = 0;
    /** Exit code of a runtime failure. */
    public static final int FAILURE = 1;
    /** Exit code of a usage error or bad input. */
    public static final int BAD_INPUT = 2;

    /** Held strongly: java.util.logging forgets the level of a logger that was garbage-collected. */
    private static final java.util.List<java.util.logging.Logger> QUIETED = java.util.List.of(
            java.util.logging.Logger.getLogger("org.tribuo"), java.util.logging.Logger.getLogger("com.oracle.labs"));

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        quietLibraryLogging();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }

    /**
     * Runs the command line with the given output streams and returns the exit code (for tests and
     * for embedding).
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        quietLibraryLogging();
        CommandLine cl = new CommandLine(new ChurnkitCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(ChurnkitCli::exitCode);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            err.println("churnkit " + c.getCommandName() + ": " + oneLine(ex.getMessage())
                    + " (see 'churnkit " + (c.getParent() == null ? "" : c.getCommandName() + " ") + "--help')");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("churnkit " + c.getCommandName() + ": " + message(ex));
            err.flush();
            return exitCode(ex);
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Library log messages below WARN are hidden unless asked for with
     * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info}; Tribuo's java.util.logging INFO lines
     * (one per k-means iteration) are hidden too, since the progress display covers them.
     */
    static void quietLibraryLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        for (java.util.logging.Logger l : QUIETED) {
            l.setLevel(java.util.logging.Level.WARNING);
        }
    }

    /** 2 for bad input, 1 for anything else. */
    static int exitCode(Throwable ex) {
        if (ex instanceof CommandLine.ParameterException || ex instanceof IllegalArgumentException) {
            return BAD_INPUT;
        }
        return FAILURE;
    }

    /** The exception's message on one line, with the type when it has none. */
    static String message(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        String m = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "file not found: " + m;
        }
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String text = oneLine(m);
        return t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof java.io.IOException ? text : t.getClass().getSimpleName() + ": " + text;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The library version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ChurnkitCli.class.getPackage().getImplementationVersion();
            return new String[] {"churnkit " + (v == null ? "(development build)" : v)};
        }
    }
}
