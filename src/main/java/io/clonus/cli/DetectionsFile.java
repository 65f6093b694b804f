package io.clonus.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.clonus.detect.Classification;
import io.clonus.detect.ClassificationRule;
import io.clonus.evaluate.DetectedEvent;
import io.clonus.evaluate.DetectionSet;
import io.clonus.evaluate.TimeSpan;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code clonus evaluate --detections FILE}: the detections of {@code clonus analyze --format json}, one JSON object
 * per line and signal ({@code file, channel, segmentStartS, durationS, rule, episodes[startS, endS, beatCount,
 * frequencyHz, classification]}), grouped by recording. A {@code {"file", "error"}} object marks a recording whose
 * detections are incomplete: it is kept aside, with its errors, to be skipped with a message. A line that is not
 * JSON, or an object that is not a result, is an error naming the line. Not thread-safe.
 */
final class DetectionsFile {
    /**
     * One recording of the file.
     *
     * @param shown    the {@code file} field as written
     * @param path     where that file is: resolved against the current folder, or against the detections file's
     *                 folder when only there it exists
     * @param channels channels in file order
     * @param coverage analysed stretches
     * @param events   episodes
     * @param rule     the rule the detector used (the {@code rule} field)
     * @param errors   the {@code error} objects for this file
     */
    record Entry(String shown, Path path, List<String> channels, List<TimeSpan> coverage, List<DetectedEvent> events,
            ClassificationRule rule, List<String> errors) {
        /** @return the detections, for a recording without errors */
        DetectionSet detections() {
            return new DetectionSet(channels, coverage, events, rule);
        }
    }

    /** A detections file that cannot be used: the message names the line. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private DetectionsFile() {
    }

    /**
     * @param file the JSON Lines file
     * @param base the current folder
     * @return the recordings, in order of first appearance, keyed by their normalised absolute path
     * @throws IOException if the file cannot be read
     * @throws Malformed   naming the line, for a line that is not a result
     */
    static Map<Path, Entry> read(Path file, Path base) throws IOException, Malformed {
        JsonFactory factory = JsonFactory.builder().build();
        Map<Path, Entry> out = new LinkedHashMap<>();
        Path folder = file.toAbsolutePath().getParent();
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Object v;
                try (JsonParser p = factory.createParser(line)) {
                    v = value(p, p.nextToken());
                    if (p.nextToken() != null) {
                        throw new Malformed("line " + lineNo + ": more than one JSON value on the line");
                    }
                } catch (JsonProcessingException e) {
                    throw new Malformed("line " + lineNo + ": not JSON (" + Failure.oneLine(e.getOriginalMessage())
                            + "); expected the output of clonus analyze --format json");
                }
                if (!(v instanceof Map<?, ?> o)) {
                    throw new Malformed("line " + lineNo + ": not a JSON object");
                }
                add(o, lineNo, base, folder, out);
            }
        }
        if (out.isEmpty()) {
            throw new Malformed("holds no result; expected the output of clonus analyze --format json");
        }
        return out;
    }

    private static void add(Map<?, ?> o, int lineNo, Path base, Path folder, Map<Path, Entry> out) throws Malformed {
        String where = "line " + lineNo + ": ";
        if (o.containsKey("event")) {
            throw new Malformed(where + "a 'clonus stream' event; give the output of clonus analyze --format json");
        }
        String shown = text(o, "file", where);
        Path path = resolve(shown, base, folder);
        Path key = path.toAbsolutePath().normalize();
        Entry e = out.get(key);
        if (e == null) {
            e = new Entry(shown, path, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null, new ArrayList<>());
        }
        if (o.containsKey("error")) {
            e.errors().add(String.valueOf(o.get("error")));
            out.put(key, e);
            return;
        }
        for (String k : new String[] {"channel", "durationS", "episodes", "rule"}) {
            if (!o.containsKey(k)) {
                throw new Malformed(where + "no '" + k + "'; not a result of clonus analyze --format json");
            }
        }
        String channel = text(o, "channel", where);
        ClassificationRule rule;
        try {
            rule = ClassificationRule.parse(text(o, "rule", where));
        } catch (IllegalArgumentException ex) {
            throw new Malformed(where + "'rule': " + ex.getMessage());
        }
        if (e.rule() != null && !e.rule().id().equals(rule.id())) {
            throw new Malformed(where + "rule " + rule.id() + " but an earlier signal of " + shown + " used "
                    + e.rule().id());
        }
        double start = o.get("segmentStartS") == null ? 0 : number(o, "segmentStartS", where);
        double duration = number(o, "durationS", where);
        if (!(duration >= 0)) {
            throw new Malformed(where + "'durationS' must be 0 or more, got " + duration);
        }
        if (!e.channels().contains(channel)) {
            e.channels().add(channel);
        }
        if (duration > 0) {
            e.coverage().add(new TimeSpan(start, start + duration));
        }
        if (!(o.get("episodes") instanceof List<?> episodes)) {
            throw new Malformed(where + "'episodes' is not a list");
        }
        int n = 0;
        for (Object x : episodes) {
            n++;
            String at = where + "episode " + n + ": ";
            if (!(x instanceof Map<?, ?> ep)) {
                throw new Malformed(at + "not an object");
            }
            Classification c;
            try {
                c = Classification.valueOf(text(ep, "classification", at).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new Malformed(at + "'classification' must be SUSTAINED or UNSUSTAINED, got " + ep.get("classification"));
            }
            try {
                e.events().add(new DetectedEvent(channel, number(ep, "startS", at), number(ep, "endS", at),
                        (int) number(ep, "beatCount", at), number(ep, "frequencyHz", at), c));
            } catch (IllegalArgumentException ex) {
                throw new Malformed(at + ex.getMessage());
            }
        }
        out.put(key, new Entry(e.shown(), e.path(), e.channels(), e.coverage(), e.events(), rule, e.errors()));
    }

    /** The file as written, where it exists: against the current folder first, then the detections file's folder. */
    private static Path resolve(String shown, Path base, Path folder) {
        Path p = Path.of(shown);
        if (p.isAbsolute()) {
            return p;
        }
        Path here = base.resolve(p);
        if (!Files.exists(here) && folder != null && Files.exists(folder.resolve(p))) {
            return folder.resolve(p);
        }
        return here;
    }

    private static String text(Map<?, ?> o, String key, String where) throws Malformed {
        Object v = o.get(key);
        if (!(v instanceof String s)) {
            throw new Malformed(where + "'" + key + "' is " + (v == null ? "missing" : "not a string"));
        }
        return s;
    }

    private static double number(Map<?, ?> o, String key, String where) throws Malformed {
        Object v = o.get(key);
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new Malformed(where + "'" + key + "' is " + (v == null ? "missing" : "not a number"));
        }
        return n.doubleValue();
    }

    /** A JSON value as maps, lists, strings, numbers, booleans and null. */
    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new JsonProcessingException("empty", p.currentLocation()) {
                private static final long serialVersionUID = 1L;
            };
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    l.add(value(p, k));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonProcessingException("unexpected " + t, p.currentLocation()) {
                    private static final long serialVersionUID = 1L;
                };
        }
    }
}
