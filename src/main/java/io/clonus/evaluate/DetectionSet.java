package io.clonus.evaluate;

import io.clonus.analysis.RecordingAnalyzer;
import io.clonus.detect.ClassificationRule;
import io.clonus.detect.Episode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the detector reported for one recording: its episodes on every channel, the channels it analysed, the
 * stretches of time it saw and the rule it classified with. Immutable and thread-safe.
 *
 * @param channels the channels (EMG) and sensors (accelerometer) analysed, in file order, each once
 * @param coverage the stretches of the recording that were analysed, seconds from its start, as a
 *                 {@link TimeSpan#union}: [0, duration] for a continuous file, one span per segment of an EDF+D file
 * @param events   the episodes, sorted by start
 * @param rule     the classification rule the detector used
 */
public record DetectionSet(List<String> channels, List<TimeSpan> coverage, List<DetectedEvent> events,
        ClassificationRule rule) {
    /** Copies the lists, sorts the events and joins the coverage. */
    public DetectionSet {
        Objects.requireNonNull(rule, "rule");
        channels = List.copyOf(new LinkedHashSet<>(channels));
        coverage = TimeSpan.union(coverage);
        List<DetectedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(DetectedEvent::startS));
        events = List.copyOf(sorted);
        if (coverage.isEmpty()) {
            throw new IllegalArgumentException("a recording needs some analysed time");
        }
    }

    /**
     * @param file the outcome of {@link RecordingAnalyzer#analyze(java.nio.file.Path)}, every signal analysed
     * @return its channels, coverage (each signal from its start for its duration) and episodes
     * @throws IllegalArgumentException when the file or a signal failed (the detections would be incomplete) or
     *                                  gave no signal
     */
    public static DetectionSet of(RecordingAnalyzer.FileResult file) {
        Objects.requireNonNull(file, "file");
        if (file.error() != null) {
            throw new IllegalArgumentException(file.file() + ": " + file.error());
        }
        List<String> channels = new ArrayList<>();
        List<TimeSpan> coverage = new ArrayList<>();
        List<DetectedEvent> events = new ArrayList<>();
        ClassificationRule rule = null;
        Set<String> failures = new LinkedHashSet<>();
        for (RecordingAnalyzer.SignalResult s : file.signals()) {
            if (!s.ok()) {
                failures.add(s.error());
                continue;
            }
            channels.add(s.source().channel());
            if (s.result().durationS() > 0) {
                coverage.add(new TimeSpan(s.source().startS(), s.source().startS() + s.result().durationS()));
            }
            rule = s.result().config().rule();
            for (Episode e : s.result().episodes()) {
                events.add(DetectedEvent.of(s.source().channel(), e));
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalArgumentException(file.file() + ": " + String.join("; ", failures));
        }
        if (rule == null) {
            throw new IllegalArgumentException(file.file() + ": no signal was analysed");
        }
        return new DetectionSet(channels, coverage, events, rule);
    }

    /** @return the analysed time, seconds (gaps of an EDF+D file left out) */
    public double recordedS() {
        return TimeSpan.totalS(coverage);
    }
}
