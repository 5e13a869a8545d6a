package io.github.churnkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What every subcommand shares: {@code --help}, {@code --json FILE}, {@code --quiet}, the output
 * streams and the progress display (on standard error, so standard output stays parseable).
 */
abstract class BaseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results to FILE as JSON (shapes in docs/cli.md).")
    Path json;

    @Option(names = {"-q", "--quiet"}, description = "No progress display.")
    boolean quiet;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    StageProgress progress() {
        return new StageProgress(err(), quiet);
    }

    /** Writes the JSON document when {@code --json} was given. */
    void writeJson(JsonOut.Body body) {
        if (json != null) {
            JsonOut.write(json, spec.commandLine().getCommandName(), body);
        }
    }

    @Override
    public final Integer call() throws Exception {
        run();
        out().flush();
        return ChurnkitCli.OK;
    }

    /** The command's work; throw to fail (see {@link ChurnkitCli} for exit codes). */
    abstract void run() throws Exception;
}
