package io.clonus.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A stretch of a recording, in seconds from the recording's start. Immutable and thread-safe.
 *
 * @param startS start, seconds, finite
 * @param endS   end, seconds, finite, after the start
 */
public record TimeSpan(double startS, double endS) {
    /** Checks that the span is finite and not empty. */
    public TimeSpan {
        if (!Double.isFinite(startS) || !Double.isFinite(endS) || !(endS > startS)) {
            throw new IllegalArgumentException("a time span needs finite start < end, got " + startS + " to " + endS
                    + " s");
        }
    }

    /** @return the duration, seconds */
    public double durationS() {
        return endS - startS;
    }

    /**
     * @param spans spans in any order, overlapping or not
     * @return their union: the spans sorted, those that overlap or touch joined into one
     */
    public static List<TimeSpan> union(List<TimeSpan> spans) {
        List<TimeSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingDouble(TimeSpan::startS));
        List<TimeSpan> out = new ArrayList<>();
        for (TimeSpan s : sorted) {
            if (!out.isEmpty() && s.startS() <= out.get(out.size() - 1).endS()) {
                TimeSpan last = out.remove(out.size() - 1);
                out.add(new TimeSpan(last.startS(), Math.max(last.endS(), s.endS())));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param spans spans that do not overlap (a {@link #union})
     * @return their total duration, seconds
     */
    public static double totalS(List<TimeSpan> spans) {
        double t = 0;
        for (TimeSpan s : spans) {
            t += s.durationS();
        }
        return t;
    }
}
