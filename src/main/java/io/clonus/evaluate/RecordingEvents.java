package io.clonus.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One recording to score: its reference events and what the detector reported. Immutable and thread-safe.
 *
 * <p>Channels: either no reference event names a channel (the detections of every channel are merged and scored
 * against them) or every one does (each analysed channel is scored on its own against the events naming it; a
 * channel that no event names has only false positives). Channel names compare case-insensitively.
 *
 * @param name       the recording's name, for the report
 * @param reference  the reference events
 * @param detections the detector's events, channels, analysed time and rule
 */
public record RecordingEvents(String name, List<ReferenceEvent> reference, DetectionSet detections) {
    /**
     * Copies the list and checks the events against the detections.
     *
     * @throws IllegalArgumentException as {@link #problem} says
     */
    public RecordingEvents {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detections, "detections");
        reference = List.copyOf(reference);
        String problem = problem(reference, detections);
        if (problem != null) {
            throw new IllegalArgumentException(name + ": " + problem);
        }
    }

    /**
     * @param name       the recording's name
     * @param reference  the events read from a reference file
     * @param detections the detector's events
     * @return the recording to score
     * @throws ReferenceException naming the reference file and the event when {@link #problem} finds one
     */
    public static RecordingEvents of(String name, ReferenceSet reference, DetectionSet detections)
            throws ReferenceException {
        String problem = problem(reference.events(), detections);
        if (problem != null) {
            throw new ReferenceException(reference.file(), problem);
        }
        return new RecordingEvents(name, reference.events(), detections);
    }

    /**
     * @return whether the reference events name channels (then every channel is scored on its own)
     */
    public boolean perChannel() {
        return !reference.isEmpty() && reference.get(0).hasChannel();
    }

    /**
     * What makes reference events unusable with these detections: some naming a channel and others not, a channel
     * the recording was not analysed on, two events of one channel that overlap, an event entirely outside the
     * analysed time.
     *
     * @param reference  the reference events
     * @param detections the detections
     * @return the problem, naming the event's origin, or null when there is none
     */
    public static String problem(List<ReferenceEvent> reference, DetectionSet detections) {
        ReferenceEvent withChannel = null;
        ReferenceEvent without = null;
        for (ReferenceEvent e : reference) {
            if (e.hasChannel()) {
                withChannel = withChannel == null ? e : withChannel;
            } else {
                without = without == null ? e : without;
            }
        }
        if (withChannel != null && without != null) {
            return where(without) + "names no channel but " + where(withChannel).replace(": ", "")
                    + " names '" + withChannel.channel() + "'; give every reference event of a recording a channel,"
                    + " or none (then the detections of all channels are merged)";
        }
        Map<String, String> channels = new HashMap<>();
        for (String c : detections.channels()) {
            channels.put(References.channelKey(c), c);
        }
        List<TimeSpan> coverage = detections.coverage();
        Map<String, ReferenceEvent> last = new TreeMap<>();
        List<ReferenceEvent> sorted = new ArrayList<>(reference);
        sorted.sort(java.util.Comparator.comparingDouble(ReferenceEvent::startS));
        for (ReferenceEvent e : sorted) {
            if (e.hasChannel() && !channels.containsKey(References.channelKey(e.channel()))) {
                return where(e) + "channel '" + e.channel() + "' is not among the channels analysed ("
                        + String.join(", ", detections.channels()) + ")";
            }
            boolean inside = false;
            for (TimeSpan s : coverage) {
                inside |= e.startS() < s.endS() && e.endS() > s.startS();
            }
            if (!inside) {
                return where(e) + References.seconds(e.startS()) + "-" + References.seconds(e.endS())
                        + " s lies outside the analysed recording (" + spans(coverage) + "); times are seconds"
                        + " from the recording's start (onsets in milliseconds, or the reference of another file?)";
            }
            String key = References.channelKey(e.channel());
            ReferenceEvent before = last.get(key);
            if (before != null && e.startS() < before.endS()) {
                return where(e) + "overlaps " + (before.origin().isEmpty() ? "another event" : before.origin())
                        + "; reference events must not overlap";
            }
            if (before == null || e.endS() > before.endS()) {
                last.put(key, e);
            }
        }
        return null;
    }

    private static String where(ReferenceEvent e) {
        return e.origin().isEmpty() ? "the event at " + References.seconds(e.startS()) + " s: " : e.origin() + ": ";
    }

    private static String spans(List<TimeSpan> coverage) {
        List<String> s = new ArrayList<>();
        for (TimeSpan t : coverage) {
            s.add(References.seconds(t.startS()) + "-" + References.seconds(t.endS()) + " s");
        }
        return String.join(", ", s);
    }
}
