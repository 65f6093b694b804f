package io.clonus.cli;

import io.clonus.analysis.Recording;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * One analysed signal as the outputs see it: where it came from, the result with every time counted from
 * the recording's start (see {@link Recording.Source#startS()}), and the samples for plotting. Immutable
 * (the signal's arrays are not changed by anyone).
 *
 * @param file     the input file as given
 * @param source   the signal's description
 * @param signal   the samples (time 0 at {@code source.startS()}); null once no longer needed
 * @param result   the detector's result, times shifted by {@code source.startS()}
 * @param warnings remarks about the file followed by the detector's warnings
 * @param picture  the picture drawn of it (--plot, --plot-dir), or null
 */
record Analysis(String file, Recording.Source source, Signal signal, ClonusResult result, List<String> warnings,
        String picture) {

    /** Copies the list. */
    Analysis {
        warnings = List.copyOf(warnings);
    }

    Analysis(String file, Recording.Source source, Signal signal, ClonusResult result, List<String> warnings) {
        this(file, source, signal, result, warnings, null);
    }

    /** @param path the picture drawn of it @return this analysis naming it */
    Analysis withPicture(String path) {
        return new Analysis(file, source, signal, result, warnings, path);
    }

    /**
     * @param file   the input file as given
     * @param source the signal's description
     * @param signal the samples
     * @param raw    the detector's result, times from the first sample
     * @param notes  remarks about the file
     * @return the analysis, with times counted from the recording's start
     */
    static Analysis of(String file, Recording.Source source, Signal signal, ClonusResult raw, List<String> notes) {
        List<String> warnings = new ArrayList<>(notes);
        warnings.addAll(raw.warnings());
        return new Analysis(file, source, signal, raw.shifted(source.startS()), warnings);
    }

    /** @return the channel name */
    String channel() {
        return source.channel();
    }

    /** @return the channel with its segment, as used in annotations and messages: "EMG L TA (segment 2)" */
    String channelAndSegment() {
        return source.segment() == 0 ? source.channel() : source.channel() + " (segment " + source.segment() + ")";
    }

    /** @return this analysis without its samples, so that they can be freed */
    Analysis withoutSignal() {
        return new Analysis(file, source, null, result, warnings, picture);
    }
}
