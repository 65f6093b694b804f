package io.clonus.cli;

import io.clonus.detect.ClassificationRule;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.MainsSetting;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The detector's options, {@code --band}, {@code --rule} and {@code --mains}, as a picocli mixin shared by
 * every subcommand that detects (now {@code analyze}; a later {@code stream} mixes in the same). Not
 * thread-safe; one instance per parsed command line.
 */
final class DetectorOptions {
    private static final Pattern BAND =
            Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*[-:]\\s*([0-9]*\\.?[0-9]+)\\s*(?i:hz)?\\s*");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--band", paramLabel = "LO-HI", description = "Clonus band, Hz. Default: 5-8.")
    private String band;

    @Option(names = "--rule", paramLabel = "beats:N|scats|tardieu",
            description = "Sustained/unsustained rule. Default: beats:5 (5 or more beats sustained).")
    private String rule;

    @Option(names = "--mains", paramLabel = "auto|off|50|60",
            description = "Power-line suppression for EMG. Default: auto (detected from the first seconds).")
    private String mains;

    /**
     * @return the detector's parameters: the defaults changed by the options given
     * @throws ParameterException (a usage error) for a value the detector refuses, with its reason
     */
    DetectorConfig config() {
        DetectorConfig.Builder b = DetectorConfig.builder();
        if (band != null) {
            Matcher m = BAND.matcher(band);
            if (!m.matches()) {
                throw usage("--band " + band + ": give the clonus band as LO-HI in Hz, for example 5-8");
            }
            b.band(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
        }
        if (rule != null) {
            try {
                b.rule(ClassificationRule.parse(rule));
            } catch (IllegalArgumentException e) {
                throw usage("--rule " + rule + ": " + e.getMessage());
            }
        }
        if (mains != null) {
            b.mains(switch (mains.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> MainsSetting.AUTO;
                case "off", "none" -> MainsSetting.OFF;
                case "50" -> MainsSetting.HZ_50;
                case "60" -> MainsSetting.HZ_60;
                default -> throw usage("--mains " + mains + ": use auto, off, 50 or 60");
            });
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw usage((band != null ? "--band " + band + ": " : "") + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
