package io.clonus.cli;

import io.clonus.analysis.Recording;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.Conditioning;
import io.clonus.detect.Episode;
import io.clonus.detect.RhythmEstimate;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code --format text}: a readable summary per result. With {@code --methods} the methods paragraph of
 * every distinct configuration (distinct paragraph) follows the last result once, headed by the inputs it
 * covers ("Methods (soleus.csv: EMG soleus; rest.csv: EMG soleus)"). Not thread-safe.
 */
final class TextReport implements ResultWriter {
    private final PrintStream out;
    private final boolean methods;
    /** Each distinct paragraph with the signals it covers, in order of first appearance. */
    private final java.util.Map<String, java.util.List<String>> paragraphs = new java.util.LinkedHashMap<>();
    private boolean first = true;

    TextReport(PrintStream out, boolean methods) {
        this.out = out;
        this.methods = methods;
    }

    @Override
    public void write(Analysis a) {
        ClonusResult r = a.result();
        Recording.Source s = a.source();
        StringBuilder b = new StringBuilder();
        if (!first) {
            b.append('\n');
        }
        first = false;
        b.append(a.file()).append("  ").append(s.channel());
        if (s.segment() > 0) {
            b.append(String.format(Locale.ROOT, "  (segment %d of %d, from %s s)", s.segment(), s.segmentCount(),
                    Num.time(s.startS())));
        }
        b.append('\n');
        line(b, "signal", String.format(Locale.ROOT, "%s, %s Hz, %s s", r.type(), Num.text(r.sampleRateHz()),
                fixed(r.durationS(), 2)));
        line(b, "class", r.classification() + " (rule " + r.config().rule().id() + ", clonus band "
                + Num.text(r.config().bandLowHz()) + "-" + Num.text(r.config().bandHighHz()) + " Hz)");
        String freq = r.frequencyHz().isPresent() ? ", main frequency " + fixed(r.frequencyHz().getAsDouble(), 2) + " Hz"
                : "";
        line(b, "beats", r.beatCount() + " in " + r.episodes().size() + " episode" + (r.episodes().size() == 1 ? "" : "s")
                + freq + (r.episodes().isEmpty() ? "" : ", SCATS " + r.scatsGrade()));
        int n = 0;
        for (Episode e : r.episodes()) {
            n++;
            StringBuilder ev = new StringBuilder();
            ev.append(String.format(Locale.ROOT, "%s-%s s, %d beats, %s Hz, %s, SCATS %d", fixed(e.startS(), 2),
                    fixed(e.endS(), 2), e.beatCount(), fixed(e.frequencyHz(), 2), e.classification(), e.scatsGrade()));
            ev.append(String.format(Locale.ROOT, " (interval CV %s, periodicity %s, spectral %s, autocorrelation %s)",
                    fixed(e.intervalCv(), 3), fixed(e.periodicity(), 2),
                    e.spectralHz().isPresent() ? fixed(e.spectralHz().getAsDouble(), 2) + " Hz" : "none",
                    e.autocorrelationHz().isPresent() ? fixed(e.autocorrelationHz().getAsDouble(), 2) + " Hz" : "none"));
            line(b, "episode " + n, ev.toString());
        }
        line(b, "rhythm", rhythm(r));
        line(b, "conditioning", conditioning(r));
        for (String w : a.warnings()) {
            line(b, "warning", w);
        }
        out.print(b);
        out.flush();
        if (methods) {
            paragraphs.computeIfAbsent(r.methods(), k -> new java.util.ArrayList<>())
                    .add(a.file() + ": " + a.channelAndSegment());
        }
    }

    @Override
    public void finish() {
        if (!paragraphs.isEmpty()) {
            for (java.util.Map.Entry<String, java.util.List<String>> p : paragraphs.entrySet()) {
                out.print("\nMethods (" + String.join("; ", p.getValue()) + ")\n\n" + p.getKey());
            }
            out.flush();
        }
    }

    static String rhythm(ClonusResult r) {
        RhythmEstimate m = r.rhythm();
        String sp = m.spectralPeakHz().isPresent() ? fixed(m.spectralPeakHz().getAsDouble(), 2) + " Hz" : "none";
        String ac = m.autocorrelationHz().isPresent() ? fixed(m.autocorrelationHz().getAsDouble(), 2) + " Hz" : "none";
        return String.format(Locale.ROOT, "spectral peak %s (%s x median), autocorrelation %s; %s, %s", sp,
                fixed(m.peakToMedian(), 1), ac, m.agree() ? "agree" : "disagree",
                m.inBand() ? "in the clonus band" : "not in the clonus band");
    }

    private static String conditioning(ClonusResult r) {
        Conditioning c = r.conditioning();
        String mains = c.mainsHz() > 0 ? String.format(Locale.ROOT, ", mains %s Hz cancelled (lines at %s Hz)",
                Num.text(c.mainsHz()), String.join(", ", c.mainsLinesHz().stream().map(Num::text).toList())) : "";
        return String.format(Locale.ROOT, "band-pass %s-%s Hz%s, detection signal at %s Hz", Num.text(c.filterLowHz()),
                Num.text(c.filterHighHz()), r.type() == io.clonus.detect.SignalType.EMG ? mains : "",
                Num.text(c.detectionRateHz()));
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append("  ").append(String.format(Locale.ROOT, "%-13s", key)).append(value).append('\n');
    }

    static String fixed(double x, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }
}
