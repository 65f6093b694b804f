package io.clonus.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code clonus} command-line tool. {@link #run} is the whole tool without
 * {@link System#exit}, for tests and for embedding.
 *
 * <p>Exit status: 0 when every input was analysed, 1 when some file or channel failed (each failure is
 * one line on standard error and the others still run), 2 for a usage error.
 */
public final class Main {
    static {
        // plots are drawn off-screen; never try to reach a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * The tool owns its JVM, so it may set JTransforms' JVM-wide thread count: transforms then always run
     * on the calling thread and JTransforms never starts its pool (the library itself leaves the setting
     * alone; its detection transforms are small enough never to be split).
     */
    private static void singleThreadedFft() {
        org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    private Main() {
    }

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        singleThreadedFft();
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the tool. Thread-safe as long as concurrent runs write to different files.
     *
     * @param args the command-line arguments
     * @param out  standard output: results and help
     * @param err  standard error: problems, warnings, progress and the summary
     * @return the exit status: 0 success, 1 some input failed, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs the tool with the given standard input (read by {@code clonus stream}).
     *
     * @param args the command-line arguments
     * @param in   standard input
     * @param out  standard output
     * @param err  standard error
     * @return the exit status
     */
    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        return commandLine(in, out, err).execute(args);
    }

    /**
     * Builds the command tree. A new subcommand (a later {@code stream}) is one more {@code addSubcommand}
     * here; it mixes in {@link SignalOptions} and {@link DetectorOptions} to take the same options, and
     * reports problems as {@link Failure} lines, so that usage errors, exit status and messages stay alike.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(System.in, out, err);
    }

    static CommandLine commandLine(java.io.InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new ClonusCommand(err));
        cl.addSubcommand("analyze", new AnalyzeCommand(out, err));
        cl.addSubcommand("stream", new StreamCommand(in, out, err));
        cl.addSubcommand("evaluate", new EvaluateCommand(out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler(Main::unexpected);
        return cl;
    }

    /** A usage error: the problem, a hint, and status 2; no usage dump that would hide the problem. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("clonus: " + Failure.oneLine(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Anything not foreseen: one line (the stack trace only with --debug) and status 1. */
    private static int unexpected(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("clonus: internal error: " + Failure.oneLine(String.valueOf(e)));
        if (cmd.getCommand() instanceof AnalyzeCommand a && a.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
