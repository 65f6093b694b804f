package io.clonus.evaluate;

import io.clonus.detect.Classification;
import io.clonus.detect.ClassificationRule;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One clonus episode as a human rater marked it. Immutable and thread-safe.
 *
 * @param startS      start, seconds from the recording's start (the EDF header's start time, or the first sample
 *                    of delimited text)
 * @param endS        end, seconds, after the start
 * @param beats       the beats the rater counted, at least 1; empty when not given
 * @param frequencyHz the beat frequency the rater gave, Hz, positive; empty when not given
 * @param label       the annotation text or label, {@code ""} when there is none
 * @param channel     the channel the event is on, {@code ""} when it names none (it then matches detections on any
 *                    channel of the recording; see {@link Evaluation})
 * @param origin      where it came from, for messages: {@code "line 7"} of a table, {@code "annotation 3"} of an
 *                    EDF+ file ({@code ""} when made in code)
 */
public record ReferenceEvent(double startS, double endS, OptionalInt beats, OptionalDouble frequencyHz, String label,
        String channel, String origin) {

    private static final Pattern UNSUSTAINED = Pattern.compile("\\b(un|non-?|not\\s+)sustained\\b");
    private static final Pattern SUSTAINED = Pattern.compile("\\bsustained\\b");

    /** Checks the values. */
    public ReferenceEvent {
        Objects.requireNonNull(beats, "beats");
        Objects.requireNonNull(frequencyHz, "frequencyHz");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(origin, "origin");
        if (!Double.isFinite(startS) || !Double.isFinite(endS) || !(endS > startS)) {
            throw new IllegalArgumentException(prefix(origin) + "a reference event needs finite start < end, got "
                    + startS + " to " + endS + " s");
        }
        if (beats.isPresent() && beats.getAsInt() < 1) {
            throw new IllegalArgumentException(prefix(origin) + "beats must be at least 1, got " + beats.getAsInt());
        }
        if (frequencyHz.isPresent() && !(frequencyHz.getAsDouble() > 0 && Double.isFinite(frequencyHz.getAsDouble()))) {
            throw new IllegalArgumentException(prefix(origin) + "frequency must be positive, got "
                    + frequencyHz.getAsDouble());
        }
    }

    /**
     * @param startS start, seconds
     * @param endS   end, seconds
     * @return an event with nothing but its times
     */
    public static ReferenceEvent of(double startS, double endS) {
        return new ReferenceEvent(startS, endS, OptionalInt.empty(), OptionalDouble.empty(), "", "", "");
    }

    private static String prefix(String origin) {
        return origin == null || origin.isEmpty() ? "" : origin + ": ";
    }

    /** @return the duration, seconds */
    public double durationS() {
        return endS - startS;
    }

    /** @return whether the event names a channel */
    public boolean hasChannel() {
        return !channel.isEmpty();
    }

    /**
     * @param dtS seconds to add
     * @return the event moved by {@code dtS}
     */
    public ReferenceEvent shifted(double dtS) {
        return new ReferenceEvent(startS + dtS, endS + dtS, beats, frequencyHz, label, channel, origin);
    }

    /**
     * The event's clinical class, the first of these that applies:
     * <ol>
     * <li>the label names it: the word {@code unsustained} (or {@code non-sustained}, {@code nonsustained},
     *     {@code not sustained}) gives UNSUSTAINED, otherwise the word {@code sustained} SUSTAINED
     *     (case-insensitive);</li>
     * <li>the rater counted beats: {@code rule.classify(beats, duration)}, the rule the detector used;</li>
     * <li>the rater gave a frequency: the same with beats = max(1, round(duration × frequency)), since an episode
     *     lasts its beats times its period;</li>
     * <li>the rule decides by duration alone for this duration (it gives the same class to 1 beat and to
     *     2<sup>31</sup> − 1 beats, as {@code scats} and {@code tardieu} do): that class;</li>
     * <li>otherwise the class is unknown (empty).</li>
     * </ol>
     *
     * @param rule the detector's classification rule
     * @return SUSTAINED or UNSUSTAINED, or empty when unknown
     */
    public Optional<Classification> classification(ClassificationRule rule) {
        Objects.requireNonNull(rule, "rule");
        String text = label.toLowerCase(Locale.ROOT);
        if (UNSUSTAINED.matcher(text).find()) {
            return Optional.of(Classification.UNSUSTAINED);
        }
        if (SUSTAINED.matcher(text).find()) {
            return Optional.of(Classification.SUSTAINED);
        }
        double d = durationS();
        if (beats.isPresent()) {
            return known(rule.classify(beats.getAsInt(), d));
        }
        if (frequencyHz.isPresent()) {
            return known(rule.classify((int) Math.max(1, Math.round(d * frequencyHz.getAsDouble())), d));
        }
        Classification few = rule.classify(1, d);
        if (few == rule.classify(Integer.MAX_VALUE, d)) {
            return known(few);
        }
        return Optional.empty();
    }

    private static Optional<Classification> known(Classification c) {
        return c == Classification.NONE ? Optional.empty() : Optional.of(c);
    }
}
