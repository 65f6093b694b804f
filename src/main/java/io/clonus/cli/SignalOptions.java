package io.clonus.cli;

import io.clonus.analysis.RecordingReader;
import io.clonus.detect.SignalType;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which signals a file gives, {@code --type}, {@code --fs} and {@code --channels}, as a picocli mixin
 * shared by the subcommands that read recordings. Not thread-safe; one instance per parsed command line.
 */
final class SignalOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--type", paramLabel = "emg|acc",
            description = "Signal type of every chosen channel. Default: inferred from each name (EMG if it"
                    + " contains 'emg'; accelerometer/gyroscope for acc*, gyr*, x/y/z axes).")
    private SignalType type;

    @Option(names = "--fs", paramLabel = "HZ",
            description = "Sample rate of delimited text and .mat files, Hz. Needed without a time column (or"
                    + " a .mat rate variable such as fs); overrides one (with a warning when they differ by more"
                    + " than 1 %%). EDF headers give their own.")
    private Double fs;

    @Option(names = "--channels", split = ",", paramLabel = "NAME",
            description = "Channels to analyse, by column name, EDF label or .mat variable (case-insensitive). Default: every"
                    + " channel whose type is known. Accelerometer axes named alike (ACC X, ACC Y, ACC Z)"
                    + " form one signal.")
    private List<String> channels;

    /**
     * @return a reader applying these options
     * @throws ParameterException (a usage error) for a sample rate that is not a positive number up to
     *                            {@link io.clonus.io.TimeColumn#MAX_RATE_HZ}
     */
    RecordingReader reader() {
        if (fs != null && !(fs > 0 && fs <= io.clonus.io.TimeColumn.MAX_RATE_HZ)) {
            throw new ParameterException(spec.commandLine(), "--fs " + fs + ": the sample rate must be a positive"
                    + " number of Hz, at most " + io.clonus.io.DelimitedText.format(io.clonus.io.TimeColumn.MAX_RATE_HZ));
        }
        return new RecordingReader(type, fs, channels);
    }
}
