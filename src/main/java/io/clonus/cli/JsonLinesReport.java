package io.clonus.cli;

import io.clonus.analysis.Recording;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.clonus.detect.Beat;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.Conditioning;
import io.clonus.detect.Episode;
import io.clonus.detect.RhythmEstimate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.OptionalDouble;

/**
 * {@code --format json}: JSON Lines, one object per result, written with jackson-core's streaming
 * generator. Numbers are plain JSON numbers rounded to seven significant digits; a value that does not
 * exist (no episode, no autocorrelation peak) is {@code null}, never NaN. Times are seconds from the
 * recording's start. Not thread-safe.
 *
 * <p>Keys: {@code file, channel, segment, segmentStartS, type, unit, sampleRateHz, durationS,
 * classification, beatCount, frequencyHz, scatsGrade, clonusDurationS, rule, bandHz, episodes[], beats[],
 * spectralPeakHz, autocorrelationHz, rhythm{}, conditioning{}, warnings[], picture} ({@code picture}: the file
 * drawn with --plot or --plot-dir, else null) and, with {@code --methods},
 * {@code methods}. An input that gave no result (a file that cannot be read, a channel that fails) gets
 * the object {@code {"file": ..., "error": ...}} instead, so that every input appears.
 */
final class JsonLinesReport implements ResultWriter {
    private final PrintStream out;
    private final boolean methods;
    private final JsonFactory factory = JsonFactory.builder().build();

    JsonLinesReport(PrintStream out, boolean methods) {
        this.out = out;
        this.methods = methods;
    }

    @Override
    public void write(Analysis a) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(text)) {
            write(g, a);
        }
        out.println(text);
        out.flush();
    }

    @Override
    public void writeFailure(Failure f) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("file", f.where());
            g.writeStringField("error", Failure.oneLine(f.message()));
            g.writeEndObject();
        }
        out.println(text);
        out.flush();
    }

    private void write(JsonGenerator g, Analysis a) throws IOException {
        g.writeStartObject();
        writeFields(g, a, methods);
        g.writeEndObject();
    }

    /**
     * Writes the keys of one result into an object the caller has started.
     *
     * @param g       the generator, inside an object
     * @param a       the analysis
     * @param methods whether to add the methods paragraph
     * @throws IOException if writing fails
     */
    static void writeFields(JsonGenerator g, Analysis a, boolean methods) throws IOException {
        ClonusResult r = a.result();
        Recording.Source s = a.source();
        g.writeStringField("file", a.file());
        g.writeStringField("channel", s.channel());
        if (s.segment() > 0) {
            g.writeNumberField("segment", s.segment());
            time(g, "segmentStartS", s.startS());
        } else {
            g.writeNullField("segment");
            g.writeNullField("segmentStartS");
        }
        g.writeStringField("type", r.type().name());
        g.writeStringField("unit", s.unit());
        number(g, "sampleRateHz", r.sampleRateHz());
        time(g, "durationS", r.durationS());
        g.writeStringField("classification", r.classification().name());
        g.writeNumberField("beatCount", r.beatCount());
        number(g, "frequencyHz", r.frequencyHz());
        g.writeNumberField("scatsGrade", r.scatsGrade());
        time(g, "clonusDurationS", r.clonusDurationS());
        g.writeStringField("rule", r.config().rule().id());
        g.writeArrayFieldStart("bandHz");
        g.writeNumber(Num.round(r.config().bandLowHz()));
        g.writeNumber(Num.round(r.config().bandHighHz()));
        g.writeEndArray();

        g.writeArrayFieldStart("episodes");
        int n = 0;
        for (Episode e : r.episodes()) {
            g.writeStartObject();
            g.writeNumberField("number", ++n);
            time(g, "startS", e.startS());
            time(g, "endS", e.endS());
            time(g, "durationS", e.durationS());
            g.writeNumberField("beatCount", e.beatCount());
            number(g, "frequencyHz", e.frequencyHz());
            number(g, "intervalCv", e.intervalCv());
            number(g, "periodicity", e.periodicity());
            number(g, "spectralHz", e.spectralHz());
            number(g, "autocorrelationHz", e.autocorrelationHz());
            g.writeStringField("classification", e.classification().name());
            g.writeNumberField("scatsGrade", e.scatsGrade());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("beats");
        n = 0;
        for (Episode e : r.episodes()) {
            n++;
            for (Beat b : e.beats()) {
                g.writeStartObject();
                g.writeNumberField("episode", n);
                time(g, "timeS", b.timeS());
                number(g, "amplitude", b.amplitude());
                g.writeEndObject();
            }
        }
        g.writeEndArray();

        RhythmEstimate m = r.rhythm();
        number(g, "spectralPeakHz", m.spectralPeakHz());
        number(g, "autocorrelationHz", m.autocorrelationHz());
        g.writeObjectFieldStart("rhythm");
        number(g, "spectralPeakHz", m.spectralPeakHz());
        number(g, "autocorrelationHz", m.autocorrelationHz());
        number(g, "peakToMedian", m.peakToMedian());
        g.writeBooleanField("agree", m.agree());
        g.writeBooleanField("inBand", m.inBand());
        g.writeEndObject();

        Conditioning c = r.conditioning();
        g.writeObjectFieldStart("conditioning");
        number(g, "filterLowHz", c.filterLowHz());
        number(g, "filterHighHz", c.filterHighHz());
        if (c.mainsHz() > 0) {
            number(g, "mainsHz", c.mainsHz());
        } else {
            g.writeNullField("mainsHz"); // no mains stage: a motion sensor, or EMG with --mains off
        }
        g.writeArrayFieldStart("mainsLinesHz");
        for (double f : c.mainsLinesHz()) {
            g.writeNumber(f);
        }
        g.writeEndArray();
        g.writeNumberField("filterOrder", c.filterOrder());
        number(g, "detectionRateHz", c.detectionRateHz());
        number(g, "delayS", c.delayS());
        g.writeEndObject();

        g.writeArrayFieldStart("warnings");
        for (String w : a.warnings()) {
            g.writeString(w);
        }
        g.writeEndArray();
        if (a.picture() != null) {
            g.writeStringField("picture", a.picture());
        } else {
            g.writeNullField("picture");
        }
        if (methods) {
            g.writeStringField("methods", r.methods());
        }
    }

    /** Writes a number, or null when it is NaN or infinite: JSON has no NaN. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, Num.round(v));
        } else {
            g.writeNullField(name);
        }
    }

    /** Writes a time in seconds to the microsecond ({@link Num#time}), or null when it is not finite. */
    private static void time(JsonGenerator g, String name, double seconds) throws IOException {
        if (Double.isFinite(seconds)) {
            g.writeNumberField(name, Num.roundTime(seconds));
        } else {
            g.writeNullField(name);
        }
    }

    private static void number(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            number(g, name, v.getAsDouble());
        } else {
            g.writeNullField(name);
        }
    }
}
