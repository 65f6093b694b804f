package io.clonus.detect;

import java.util.Locale;

/**
 * A run of beat candidates that was judged and did not become an episode, with the first rule it failed
 * and the measured value against the limit. Reported to {@link DetectionListener#onRejectedRun} (the
 * command line prints them with {@code --debug}). Immutable.
 *
 * @param startS      time of its first beat, seconds
 * @param endS        time of its last beat, seconds
 * @param beats       number of beats
 * @param frequencyHz 1 / mean interval, Hz
 * @param rule        the rule it failed
 * @param measured    the value measured for that rule
 * @param limit       the limit it was compared with (for {@link AcceptanceRule#SPECTRUM}: the beat frequency)
 */
public record RejectedRun(double startS, double endS, int beats, double frequencyHz, AcceptanceRule rule,
        double measured, double limit) {

    /** @return one line: "run 1.200-1.850 s, 4 beats at 6.10 Hz: jitter CV 0.21, at most 0.18" */
    public String describe() {
        return String.format(Locale.ROOT, "run %.3f-%.3f s, %d beats at %.2f Hz: %s %s, %s %s", startS, endS, beats,
                frequencyHz, rule.measure(), value(measured), rule.relation(), value(limit));
    }

    /** Whole numbers (counts) without decimals, others to three significant digits. */
    private static String value(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
