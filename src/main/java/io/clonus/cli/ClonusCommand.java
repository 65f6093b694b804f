package io.clonus.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code clonus} command: help, version, and the subcommands. */
@Command(name = "clonus", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Detects clonus (rhythmic involuntary muscle beats, 5-8 Hz) in surface EMG and"
                + " accelerometer recordings.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'clonus analyze --help' for the options of the analysis."})
final class ClonusCommand implements Callable<Integer> {
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    ClonusCommand(PrintStream err) {
        this.err = err;
    }

    /** Without a subcommand: say so, show the usage, usage error. */
    @Override
    public Integer call() {
        err.println("clonus: missing command");
        spec.commandLine().usage(err);
        return spec.exitCodeOnInvalidInput();
    }
}
