package io.clonus.cli;

import io.clonus.detect.Classification;
import io.clonus.detect.Episode;
import java.util.EnumMap;
import java.util.Map;

/** Counts what a run did, for the closing line on standard error. Not thread-safe. */
final class BatchSummary {
    private int files;
    private int signals;
    private int failures;
    private int hiddenSkipped;
    private int annotationOnlySkipped;
    private final Map<Classification, Integer> signalsByClass = new EnumMap<>(Classification.class);
    private final Map<Classification, Integer> episodesByClass = new EnumMap<>(Classification.class);

    void file() {
        files++;
    }

    void failure() {
        failures++;
    }

    /** @param n hidden files that directory scans and globs left out */
    void hiddenSkipped(int n) {
        hiddenSkipped += n;
    }

    /** @param n annotation-only EDF+ files that directory scans and globs left out */
    void annotationOnlySkipped(int n) {
        annotationOnlySkipped += n;
    }

    void add(Analysis a) {
        signals++;
        signalsByClass.merge(a.result().classification(), 1, Integer::sum);
        for (Episode e : a.result().episodes()) {
            episodesByClass.merge(e.classification(), 1, Integer::sum);
        }
    }

    int failures() {
        return failures;
    }

    /** @return for example "clonus: 3 files, 4 signals (2 SUSTAINED, 2 NONE), 5 episodes (3 SUSTAINED, 2 UNSUSTAINED), 1 failure" */
    String line() {
        int episodes = episodesByClass.values().stream().mapToInt(Integer::intValue).sum();
        return "clonus: " + plural(files, "file") + ", " + plural(signals, "signal") + by(signalsByClass) + ", "
                + plural(episodes, "episode") + by(episodesByClass) + ", " + plural(failures, "failure")
                + (hiddenSkipped > 0 ? ", " + plural(hiddenSkipped, "hidden file") + " skipped" : "")
                + (annotationOnlySkipped > 0 ? ", " + plural(annotationOnlySkipped, "annotation-only EDF file")
                        + " skipped" : "");
    }

    private static String by(Map<Classification, Integer> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(" (");
        Classification[] order = {Classification.SUSTAINED, Classification.UNSUSTAINED, Classification.NONE};
        for (Classification c : order) {
            Integer n = counts.get(c);
            if (n != null) {
                s.append(s.length() > 2 ? ", " : "").append(n).append(' ').append(c);
            }
        }
        return s.append(')').toString();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
