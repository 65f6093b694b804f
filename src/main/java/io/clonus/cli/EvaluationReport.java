package io.clonus.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.clonus.detect.Classification;
import io.clonus.evaluate.Agreement;
import io.clonus.evaluate.BlandAltman;
import io.clonus.evaluate.ClassConfusion;
import io.clonus.evaluate.Correlation;
import io.clonus.evaluate.EpochCounts;
import io.clonus.evaluate.Estimate;
import io.clonus.evaluate.Evaluation;
import io.clonus.evaluate.EventCounts;
import io.clonus.evaluate.EventMatch;
import io.clonus.evaluate.Latency;
import io.clonus.evaluate.RecordingScore;
import io.clonus.evaluate.Score;
import io.clonus.evaluate.ScoredEvent;
import io.clonus.evaluate.ScoringRules;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The outputs of {@code clonus evaluate}: the text report, the JSON document and the event table (CSV). A figure that
 * does not exist is {@code -} in text, {@code null} in JSON and empty in CSV. Numbers in JSON and CSV are rounded to
 * seven significant digits, times to the microsecond; the text shows three decimals. Not thread-safe.
 */
final class EvaluationReport {
    private static final String ICC_FORM = "ICC(2,1): two-way random effects, absolute agreement, single rater (Shrout"
            + " & Fleiss 1979; ICC(A,1) of McGraw & Wong 1996), with the McGraw & Wong interval";
    private static final String BA_FORM = "limits of agreement: bias -/+ 1.96 SD of detected - reference (Bland &"
            + " Altman 1986), each with its t interval; correlations need 4 pairs, Fisher-z intervals";

    private final Evaluation ev;
    private final List<EvaluateCommand.Source> sources;
    private final List<Failure> failures;

    EvaluationReport(Evaluation ev, List<EvaluateCommand.Source> sources, List<Failure> failures) {
        this.ev = ev;
        this.sources = sources;
        this.failures = failures;
    }

    // ------------------------------------------------------------------ text

    void text(PrintStream out) {
        StringBuilder b = new StringBuilder();
        Score p = ev.pooled();
        EventCounts c = p.events();
        int pct = (int) Math.round(100 * ev.rules().confidence());
        b.append(String.format(Locale.ROOT, "clonus evaluate: %d recording%s, %d reference event%s, %d detected event%s,"
                + " %s h analysed%n", ev.recordings().size(), s(ev.recordings().size()), c.referenceEvents(),
                s(c.referenceEvents()), c.detectedEvents(), s(c.detectedEvents()), fixed(c.recordedHours(), 3)));
        b.append("Rules: ").append(ev.rules().describe()).append("\n\n");

        Table t = new Table("recording", "reference", "ref", "det", "TP", "FN", "FP", "sensitivity", "precision", "F1",
                "FP/24 h", "latency, s: median [IQR]");
        t.right(2, 3, 4, 5, 6);
        for (int i = 0; i < ev.recordings().size(); i++) {
            RecordingScore r = ev.recordings().get(i);
            row(t, r.name(), sources.get(i).reference(), r.score());
        }
        row(t, "pooled", "", p);
        b.append(t);
        for (EvaluateCommand.Source src : sources) {
            for (String note : src.notes()) {
                b.append("  ").append(src.recording()).append(": ").append(note).append('\n');
            }
        }
        for (Failure f : failures) {
            b.append("  not scored: ").append(f.where()).append(": ").append(Failure.oneLine(f.message())).append('\n');
        }

        b.append(String.format(Locale.ROOT, "%nPooled figures (%d %% intervals)%n", pct));
        Table f = new Table("figure", "value", "how");
        f.row("sensitivity", est(c.sensitivity()), "TP / (TP + FN) = " + c.truePositives() + " / " + c.referenceEvents()
                + ", Wilson");
        f.row("precision", est(c.precision()), "TP / (TP + FP) = " + c.truePositives() + " / "
                + (c.truePositives() + c.falsePositives()) + ", Wilson");
        f.row("F1", est(c.f1()), "2TP / (2TP + FP + FN); Wilson interval of TP / (TP + FP + FN) mapped by 2J / (1 + J)");
        if (ev.f1Bootstrap().isPresent()) {
            f.row("F1, bootstrap", est(ev.f1Bootstrap()), String.format(Locale.ROOT, "percentile interval, the %d"
                    + " recordings resampled %d times (seed %d)%s", ev.recordings().size(), ev.rules().bootstrapResamples(),
                    ev.rules().seed(), ev.bootstrapResamples() == ev.rules().bootstrapResamples() ? ""
                            : ", " + ev.bootstrapResamples() + " of them with an event"));
        } else {
            f.row("F1, bootstrap", "-", ev.recordings().size() < 2 ? "needs 2 or more recordings"
                    : ev.rules().bootstrapResamples() == 0 ? "not asked (--bootstrap 0)" : "no event to resample");
        }
        f.row("false positives", c.falsePositivesPer24h().map(e -> sig(e.value()) + " per 24 h [" + sig(e.lower()) + ", "
                + sig(e.upper()) + "]").orElse("-"), c.falsePositives() + " in " + fixed(c.recordedHours(), 3)
                + " h, exact Poisson");
        Latency l = p.latency();
        f.row("latency", l.n() == 0 ? "-" : "median " + fixed(l.medianS().getAsDouble(), 3) + " s, IQR "
                + fixed(l.lowerQuartileS().getAsDouble(), 3) + " to " + fixed(l.upperQuartileS().getAsDouble(), 3) + " s",
                "detected start - reference start, " + l.n() + " true positive" + s(l.n()));
        b.append(f);

        EpochCounts e = p.epochs();
        b.append(String.format(Locale.ROOT, "%nPer epoch: %d epochs of %s s, positive when at least %s %% covered: TP %d,"
                + " FP %d, FN %d, TN %d%n", e.epochs(), sig(e.epochS()), sig(100 * ev.rules().epochCover()),
                e.truePositives(), e.falsePositives(), e.falseNegatives(), e.trueNegatives()));
        Table ep = new Table("sensitivity", "precision", "specificity", "F1");
        ep.row(est(e.sensitivity()), est(e.precision()), est(e.specificity()), est(e.f1()));
        b.append(ep);
        b.append("  Wilson intervals; neighbouring epochs of one episode are not independent, so they are too narrow\n");

        ClassConfusion k = p.classes();
        b.append("\nClasses: reference events (rows) against the detector (columns)\n");
        Table m = new Table("", "SUSTAINED", "UNSUSTAINED", "NONE (missed)");
        m.right(1, 2, 3);
        for (Classification ref : new Classification[] {Classification.SUSTAINED, Classification.UNSUSTAINED}) {
            m.row(ref.name(), count(k, ref, Classification.SUSTAINED), count(k, ref, Classification.UNSUSTAINED),
                    count(k, ref, Classification.NONE));
        }
        m.row("unknown class", "" + k.countUnknownReference(Classification.SUSTAINED),
                "" + k.countUnknownReference(Classification.UNSUSTAINED), "" + k.countUnknownReference(Classification.NONE));
        m.row("NONE (false positive)", count(k, Classification.NONE, Classification.SUSTAINED),
                count(k, Classification.NONE, Classification.UNSUSTAINED), "");
        b.append(m);
        b.append("  same class: ").append(k.classAgreement(ev.rules().confidence()).map(x -> est(Optional.of(x))
                + " of the detected reference events of known class").orElse("- (no detected reference event of known"
                + " class)")).append('\n');
        b.append("  a reference event's class: its label (sustained / unsustained), else its beats (or duration x"
                + " frequency) by the detector's rule, else the rule alone if it decides by duration\n");

        int oneToOne = p.duration().n();
        b.append(String.format(Locale.ROOT, "%nAgreement of the %d true positive%s matched one to one (detected -"
                + " reference)%n", oneToOne, s(oneToOne)));
        Table a = new Table("measure", "n", "ICC(2,1)", "bias", "limits of agreement", "Pearson r", "Spearman rho");
        a.right(1);
        for (Agreement g : List.of(p.beats(), p.frequency(), p.duration())) {
            Optional<BlandAltman> ba = g.blandAltman();
            a.row(g.measure() + (g.unit().equals("beats") ? "" : ", " + g.unit()), "" + g.n(), est(g.icc()),
                    ba.map(x -> est(Optional.of(x.biasInterval()))).orElse("-"),
                    ba.map(x -> fixed(x.lowerLimit(), 3) + " to " + fixed(x.upperLimit(), 3)).orElse("-"),
                    corr(g.pearson()), corr(g.spearman()));
        }
        b.append(a);
        b.append("  ").append(ICC_FORM).append(";\n  ").append(BA_FORM).append('\n');
        out.print(b);
    }

    private void row(Table t, String name, String reference, Score sc) {
        EventCounts c = sc.events();
        Latency l = sc.latency();
        t.row(name, reference, "" + c.referenceEvents(), "" + c.detectedEvents(), "" + c.truePositives(),
                "" + c.falseNegatives(), "" + c.falsePositives(), est(c.sensitivity()), est(c.precision()), est(c.f1()),
                c.falsePositivesPer24h().map(e -> sig(e.value())).orElse("-"),
                l.n() == 0 ? "-" : fixed(l.medianS().getAsDouble(), 3) + " [" + fixed(l.lowerQuartileS().getAsDouble(), 3)
                        + ", " + fixed(l.upperQuartileS().getAsDouble(), 3) + "]");
    }

    private static String count(ClassConfusion k, Classification ref, Classification det) {
        return Integer.toString(k.count(ref, det));
    }

    private static String est(Optional<Estimate> e) {
        return e.map(x -> fixed(x.value(), 3) + " [" + fixed(x.lower(), 3) + ", " + fixed(x.upper(), 3) + "]").orElse("-");
    }

    private static String corr(Optional<Correlation> c) {
        return c.map(x -> est(Optional.of(x.interval()))).orElse("-");
    }

    private static String fixed(double v, int decimals) {
        String t = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return t.matches("-0\\.?0*") ? t.substring(1) : t;
    }

    /** Three significant digits without exponent, for rates. */
    private static String sig(double v) {
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String s(int n) {
        return n == 1 ? "" : "s";
    }

    /** A text table with columns as wide as their widest cell. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final boolean[] right;

        Table(String... header) {
            rows.add(header);
            right = new boolean[header.length];
        }

        void right(int... columns) {
            for (int c : columns) {
                right[c] = true;
            }
        }

        void row(String... cells) {
            rows.add(cells);
        }

        @Override
        public String toString() {
            int[] w = new int[right.length];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            StringBuilder b = new StringBuilder();
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder("  ");
                for (int i = 0; i < r.length; i++) {
                    String cell = r[i];
                    String pad = " ".repeat(w[i] - cell.length());
                    line.append(right[i] ? pad + cell : cell + pad);
                    if (i < r.length - 1) {
                        line.append("  ");
                    }
                }
                b.append(line.toString().stripTrailing()).append('\n');
            }
            return b.toString();
        }
    }

    // ------------------------------------------------------------------ JSON

    void json(PrintStream out) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            rules(g, ev.rules());
            g.writeArrayFieldStart("recordings");
            for (int i = 0; i < ev.recordings().size(); i++) {
                RecordingScore r = ev.recordings().get(i);
                g.writeStartObject();
                g.writeStringField("recording", r.name());
                g.writeStringField("reference", sources.get(i).reference());
                g.writeArrayFieldStart("referenceNotes");
                for (String n : sources.get(i).notes()) {
                    g.writeString(n);
                }
                g.writeEndArray();
                g.writeBooleanField("perChannel", r.perChannel());
                g.writeArrayFieldStart("tracks");
                for (String tr : r.tracks()) {
                    g.writeString(tr);
                }
                g.writeEndArray();
                score(g, r.score());
                g.writeArrayFieldStart("matches");
                for (EventMatch m : r.events()) {
                    event(g, m);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("pooled");
            g.writeNumberField("recordings", ev.recordings().size());
            score(g, ev.pooled());
            estimate(g, "f1Bootstrap", ev.f1Bootstrap(), "percentile bootstrap over recordings");
            g.writeNumberField("bootstrapResamples", ev.bootstrapResamples());
            g.writeEndObject();
            g.writeArrayFieldStart("failures");
            for (Failure f : failures) {
                g.writeStartObject();
                g.writeStringField("file", f.where());
                g.writeStringField("error", Failure.oneLine(f.message()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(text);
    }

    private static void rules(JsonGenerator g, ScoringRules r) throws IOException {
        g.writeObjectFieldStart("rules");
        number(g, "startToleranceS", r.startToleranceS());
        number(g, "endToleranceS", r.endToleranceS());
        number(g, "minOverlap", r.minOverlap());
        number(g, "maxEventDurationS", r.maxEventDurationS());
        number(g, "mergeGapS", r.mergeGapS());
        number(g, "epochS", r.epochS());
        number(g, "epochCover", r.epochCover());
        number(g, "confidence", r.confidence());
        g.writeNumberField("bootstrapResamples", r.bootstrapResamples());
        g.writeNumberField("seed", r.seed());
        g.writeStringField("description", r.describe());
        g.writeEndObject();
    }

    private static void score(JsonGenerator g, Score s) throws IOException {
        EventCounts c = s.events();
        g.writeObjectFieldStart("events");
        g.writeNumberField("referenceEvents", c.referenceEvents());
        g.writeNumberField("detectedEvents", c.detectedEvents());
        g.writeNumberField("truePositives", c.truePositives());
        g.writeNumberField("falseNegatives", c.falseNegatives());
        g.writeNumberField("falsePositives", c.falsePositives());
        time(g, "recordedS", c.recordedS());
        estimate(g, "sensitivity", c.sensitivity(), "Wilson");
        estimate(g, "precision", c.precision(), "Wilson");
        estimate(g, "f1", c.f1(), "Wilson interval of TP/(TP+FP+FN) mapped by 2J/(1+J)");
        estimate(g, "falsePositivesPer24h", c.falsePositivesPer24h(), "exact Poisson");
        g.writeEndObject();

        EpochCounts e = s.epochs();
        g.writeObjectFieldStart("epochs");
        number(g, "epochS", e.epochS());
        g.writeNumberField("truePositives", e.truePositives());
        g.writeNumberField("falsePositives", e.falsePositives());
        g.writeNumberField("falseNegatives", e.falseNegatives());
        g.writeNumberField("trueNegatives", e.trueNegatives());
        estimate(g, "sensitivity", e.sensitivity(), "Wilson");
        estimate(g, "precision", e.precision(), "Wilson");
        estimate(g, "specificity", e.specificity(), "Wilson");
        estimate(g, "f1", e.f1(), "Wilson interval of TP/(TP+FP+FN) mapped by 2J/(1+J)");
        g.writeEndObject();

        Latency l = s.latency();
        g.writeObjectFieldStart("latency");
        g.writeNumberField("n", l.n());
        optional(g, "medianS", l.medianS());
        optional(g, "lowerQuartileS", l.lowerQuartileS());
        optional(g, "upperQuartileS", l.upperQuartileS());
        g.writeEndObject();

        ClassConfusion k = s.classes();
        g.writeObjectFieldStart("classes");
        Classification[] cols = {Classification.SUSTAINED, Classification.UNSUSTAINED, Classification.NONE};
        for (Classification ref : cols) {
            g.writeObjectFieldStart(ref.name());
            for (Classification det : cols) {
                if (ref != Classification.NONE || det != Classification.NONE) {
                    g.writeNumberField(det.name(), k.count(ref, det));
                }
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("unknown");
        for (Classification det : cols) {
            g.writeNumberField(det.name(), k.countUnknownReference(det));
        }
        g.writeEndObject();
        g.writeEndObject();

        g.writeObjectFieldStart("agreement");
        for (Agreement a : List.of(s.beats(), s.frequency(), s.duration())) {
            agreement(g, a);
        }
        g.writeEndObject();
    }

    private static void agreement(JsonGenerator g, Agreement a) throws IOException {
        g.writeObjectFieldStart(a.measure());
        g.writeStringField("unit", a.unit());
        g.writeNumberField("n", a.n());
        estimate(g, "icc", a.icc(), "ICC(2,1) absolute agreement, two-way random, single rater; McGraw & Wong interval");
        if (a.blandAltman().isPresent()) {
            BlandAltman b = a.blandAltman().get();
            g.writeObjectFieldStart("blandAltman");
            estimate(g, "bias", Optional.of(b.biasInterval()), "t");
            number(g, "sdDifference", b.sdDifference());
            estimate(g, "lowerLimit", Optional.of(b.lowerLimitInterval()), "bias - 1.96 SD; t with SE sqrt(3 SD^2/n)");
            estimate(g, "upperLimit", Optional.of(b.upperLimitInterval()), "bias + 1.96 SD; t with SE sqrt(3 SD^2/n)");
            g.writeEndObject();
        } else {
            g.writeNullField("blandAltman");
        }
        correlation(g, "pearson", a.pearson());
        correlation(g, "spearman", a.spearman());
        g.writeEndObject();
    }

    private static void correlation(JsonGenerator g, String name, Optional<Correlation> c) throws IOException {
        if (c.isEmpty()) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        number(g, "r", c.get().coefficient());
        number(g, "lower", c.get().interval().lower());
        number(g, "upper", c.get().interval().upper());
        number(g, "p", c.get().pValue());
        g.writeEndObject();
    }

    private static void event(JsonGenerator g, EventMatch m) throws IOException {
        g.writeStartObject();
        g.writeStringField("channel", m.track());
        g.writeStringField("outcome", m.outcome().name());
        side(g, "reference", m.reference());
        side(g, "detected", m.detected());
        optional(g, "latencyS", m.latencyS());
        g.writeBooleanField("oneToOne", m.oneToOne());
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String name, Optional<ScoredEvent> e) throws IOException {
        if (e.isEmpty()) {
            g.writeNullField(name);
            return;
        }
        ScoredEvent x = e.get();
        g.writeObjectFieldStart(name);
        time(g, "startS", x.startS());
        time(g, "endS", x.endS());
        if (x.beats().isPresent()) {
            g.writeNumberField("beats", x.beats().getAsInt());
        } else {
            g.writeNullField("beats");
        }
        optional(g, "frequencyHz", x.frequencyHz());
        g.writeStringField("classification", x.classification().map(Enum::name).orElse(null));
        g.writeStringField("label", x.label());
        g.writeStringField("channel", x.channel());
        g.writeStringField("origin", x.origin());
        g.writeNumberField("parts", x.parts());
        g.writeBooleanField("split", x.split());
        g.writeEndObject();
    }

    private static void estimate(JsonGenerator g, String name, Optional<Estimate> e, String method) throws IOException {
        if (e.isEmpty()) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        number(g, "value", e.get().value());
        number(g, "lower", e.get().lower());
        number(g, "upper", e.get().upper());
        g.writeStringField("interval", method);
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, Num.round(v));
        } else {
            g.writeNullField(name); // an infinite maximum event duration: never split
        }
    }

    private static void time(JsonGenerator g, String name, double v) throws IOException {
        g.writeNumberField(name, Num.roundTime(v));
    }

    private static void optional(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(name, Num.round(v.getAsDouble()));
        } else {
            g.writeNullField(name);
        }
    }

    // ------------------------------------------------------------------ CSV

    /** Column names of the event table, in order. */
    static final List<String> EVENT_COLUMNS = List.of("recording", "channel", "outcome", "referenceStartS",
            "referenceEndS", "referenceBeats", "referenceFrequencyHz", "referenceClass", "referenceLabel",
            "referenceOrigin", "detectedStartS", "detectedEndS", "detectedBeats", "detectedFrequencyHz", "detectedClass",
            "detectedChannels", "detectedParts", "latencyS", "oneToOne", "split");

    void eventsCsv(Appendable w) {
        Csv csv = new Csv(w);
        csv.row(EVENT_COLUMNS);
        for (RecordingScore r : ev.recordings()) {
            for (EventMatch m : r.events()) {
                List<String> row = new ArrayList<>(List.of(r.name(), m.track(), m.outcome().name()));
                ScoredEvent ref = m.reference().orElse(null);
                ScoredEvent det = m.detected().orElse(null);
                row.add(ref == null ? "" : Num.time(ref.startS()));
                row.add(ref == null ? "" : Num.time(ref.endS()));
                row.add(ref == null ? "" : integer(ref.beats()));
                row.add(ref == null ? "" : Num.text(ref.frequencyHz()));
                row.add(ref == null ? "" : ref.classification().map(Enum::name).orElse("unknown"));
                row.add(ref == null ? "" : ref.label());
                row.add(ref == null ? "" : ref.origin());
                row.add(det == null ? "" : Num.time(det.startS()));
                row.add(det == null ? "" : Num.time(det.endS()));
                row.add(det == null ? "" : integer(det.beats()));
                row.add(det == null ? "" : Num.text(det.frequencyHz()));
                row.add(det == null ? "" : det.classification().map(Enum::name).orElse(""));
                row.add(det == null ? "" : det.channel());
                row.add(det == null ? "" : Integer.toString(det.parts()));
                row.add(m.latencyS().isPresent() ? Num.time(m.latencyS().getAsDouble()) : "");
                row.add(Boolean.toString(m.oneToOne()));
                row.add(Boolean.toString((ref != null && ref.split()) || (det != null && det.split())));
                csv.row(row);
            }
        }
    }

    private static String integer(OptionalInt v) {
        return v.isPresent() ? Integer.toString(v.getAsInt()) : "";
    }
}
