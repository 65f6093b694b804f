package io.clonus.evaluate;

import io.clonus.io.edf.EdfAnnotation;
import io.clonus.io.edf.EdfFormatException;
import io.clonus.io.edf.EdfHeader;
import io.clonus.io.edf.EdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads reference events (a rater's clonus episodes) from a file.
 *
 * <p><b>EDF+ and BDF+</b> (by extension {@code .edf}/{@code .bdf}): the recording itself or an annotation-only
 * file such as EDFbrowser writes ({@code File › Export annotations}, format EDF+) or {@code clonus analyze
 * --annotations} writes. Every annotation is one event: onset and duration in seconds from the file's start; its
 * text is the label, and the text may also give the beats ({@code "12 beats"}), the frequency
 * ({@code "6.1 Hz"}) and, in square brackets at its end, the channel ({@code "clonus [EMG L TA]"}), as
 * {@code clonus analyze --annotations} writes them. An annotation without a duration (a point event) is refused:
 * an episode has a start and an end.
 *
 * <p><b>Delimited text</b> (any other extension): a header row, then one event per row; comma, tab or semicolon
 * separated (a tab in the header makes it tab separated, otherwise a semicolon without a comma semicolon
 * separated, otherwise comma separated); fields may be quoted; blank lines and lines starting with {@code #}
 * skipped; with a tab or semicolon separator a decimal comma is accepted. Columns, by name (case, spaces,
 * underscores and a unit in brackets ignored: {@code Start (s)}, {@code start_s}):
 * <ul>
 * <li>{@code start} or {@code onset}: seconds from the recording's start (required);</li>
 * <li>{@code end} (or {@code stop}) or {@code duration}: seconds (one of them required, not both);</li>
 * <li>{@code beats} (or {@code beatCount}): a whole number, optional;</li>
 * <li>{@code frequencyHz} (or {@code frequency}, {@code freq}): Hz, optional;</li>
 * <li>{@code label} (or {@code annotation}, {@code text}, {@code description}): optional; EDFbrowser's text
 *     export ({@code Onset,Duration,Annotation}, onsets in seconds relative to the start) reads as it is;</li>
 * <li>{@code channel} (or {@code signal}): optional.</li>
 * </ul>
 * Other columns are ignored, with a note. An empty optional cell is a value not given.
 *
 * <p><b>Label filter</b>: with a non-empty {@code labelContains}, an event is kept only when its label contains
 * that text, case-insensitively; a table without a label column has nothing to filter and keeps every row.
 *
 * <p><b>Checks</b>, each an error naming the file and the line or annotation: a cell that is not a number, a
 * negative start in a table, an end not after the start, beats that are not a whole number of at least 1, a
 * frequency that is not positive, and two kept events of the same channel (or both without one) that overlap
 * (touching is allowed). Stateless and thread-safe.
 */
public final class References {
    private static final Pattern BEATS_IN_TEXT = Pattern.compile("(?i)\\b(\\d+)\\s*beats?\\b");
    private static final Pattern HZ_IN_TEXT = Pattern.compile("(?i)(\\d+(?:[.,]\\d+)?)\\s*hz\\b");
    private static final Pattern CHANNEL_IN_TEXT = Pattern.compile("\\[([^\\[\\]]+)]\\s*$");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("\\+?\\d+");

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        for (String s : new String[] {"start", "starts", "startsec", "starttime", "onset", "onsets", "onsetsec"}) {
            COLUMNS.put(s, "start");
        }
        for (String s : new String[] {"end", "ends", "endsec", "endtime", "stop", "stops"}) {
            COLUMNS.put(s, "end");
        }
        for (String s : new String[] {"duration", "durations", "durationsec", "dur"}) {
            COLUMNS.put(s, "duration");
        }
        for (String s : new String[] {"beats", "beat", "beatcount", "nbeats"}) {
            COLUMNS.put(s, "beats");
        }
        for (String s : new String[] {"frequencyhz", "frequency", "freq", "freqhz"}) {
            COLUMNS.put(s, "frequencyHz");
        }
        for (String s : new String[] {"label", "annotation", "text", "description"}) {
            COLUMNS.put(s, "label");
        }
        for (String s : new String[] {"channel", "signal"}) {
            COLUMNS.put(s, "channel");
        }
    }

    private References() {
    }

    /**
     * Reads a reference file: EDF+/BDF+ by extension, delimited text otherwise.
     *
     * @param file          the file
     * @param labelContains keep only events whose label contains this (case-insensitive); null or empty keeps all
     * @return the events, sorted by start
     * @throws ReferenceException for a malformed or unusable file, naming the line or annotation
     * @throws IOException        if the file cannot be read
     */
    public static ReferenceSet read(Path file, String labelContains) throws ReferenceException, IOException {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".edf") || name.endsWith(".bdf")) {
            return readEdf(file, labelContains);
        }
        return readTable(file, labelContains);
    }

    /**
     * Reads the annotations of an EDF+/BDF+ file as reference events.
     *
     * @param file          the file
     * @param labelContains the label filter, or null
     * @return the events; a plain EDF/BDF file has no annotations and gives none
     * @throws ReferenceException for an annotation without a duration or overlapping events
     * @throws IOException        if the file cannot be read or is not valid EDF
     */
    public static ReferenceSet readEdf(Path file, String labelContains) throws ReferenceException, IOException {
        String filter = filter(labelContains);
        List<EdfAnnotation> annotations;
        LocalDateTime start;
        try (EdfReader reader = EdfReader.open(file)) {
            annotations = reader.annotations();
            start = knownStart(reader.header());
        } catch (EdfFormatException e) {
            throw new ReferenceException(file, e.problem());
        }
        List<ReferenceEvent> events = new ArrayList<>();
        int number = 0;
        for (EdfAnnotation a : annotations) {
            number++;
            String text = a.text().strip();
            if (!filter.isEmpty() && !text.toLowerCase(Locale.ROOT).contains(filter)) {
                continue;
            }
            String origin = "annotation " + number + " ('" + text + "' at " + seconds(a.onsetS()) + " s)";
            if (!(a.durationS() > 0)) {
                throw new ReferenceException(file, origin + " has no duration: a reference event needs a start and an"
                        + " end (in EDFbrowser, mark the episode's span rather than a point)");
            }
            events.add(new ReferenceEvent(a.onsetS(), a.endS(), beatsIn(text), hzIn(text), text, channelIn(text),
                    "annotation " + number));
        }
        List<String> notes = new ArrayList<>();
        if (!filter.isEmpty() && events.size() < annotations.size()) {
            notes.add("kept " + events.size() + " of " + annotations.size() + " annotations (those whose text contains '"
                    + filter + "')");
        }
        return new ReferenceSet(file, checked(file, events), start, annotations.size(), notes);
    }

    /**
     * The start of an EDF file when it is known: EDF+ marks an unknown start date with {@code Startdate X}.
     *
     * @param header an EDF header
     * @return its start, or null when the file says it is unknown
     */
    public static LocalDateTime knownStart(EdfHeader header) {
        if (header.format().isPlus() && header.recordingId().startsWith("Startdate X")) {
            return null;
        }
        return header.start();
    }

    private static OptionalInt beatsIn(String text) {
        Matcher m = BEATS_IN_TEXT.matcher(text);
        if (m.find()) {
            try {
                int n = Integer.parseInt(m.group(1));
                return n >= 1 ? OptionalInt.of(n) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalDouble hzIn(String text) {
        Matcher m = HZ_IN_TEXT.matcher(text);
        if (m.find()) {
            double f = Double.parseDouble(m.group(1).replace(',', '.'));
            return f > 0 ? OptionalDouble.of(f) : OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    private static String channelIn(String text) {
        Matcher m = CHANNEL_IN_TEXT.matcher(text);
        // clonus analyze --annotations names an EDF+D segment after the channel: "[EMG L TA (segment 2)]"
        return m.find() ? m.group(1).replaceAll("\\s*\\(segment \\d+\\)$", "").strip() : "";
    }

    /**
     * Reads reference events from delimited text.
     *
     * @param file          the file
     * @param labelContains the label filter, or null
     * @return the events
     * @throws ReferenceException for a malformed table, naming the line and column
     * @throws IOException        if the file cannot be read
     */
    public static ReferenceSet readTable(Path file, String labelContains) throws ReferenceException, IOException {
        String filter = filter(labelContains);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (i == 0 && t.startsWith("\uFEFF")) {
                t = t.substring(1).strip();
                lines.set(0, lines.get(0).replace("\uFEFF", ""));
            }
            if (!t.isEmpty() && !t.startsWith("#")) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new ReferenceException(file, "no header row: the first line should name the columns, for example"
                    + " 'start,end,beats,label'");
        }
        String header = lines.get(headerLine);
        char sep = header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        boolean decimalComma = sep != ',';
        List<String> names = split(header, sep, file, headerLine + 1);
        Map<String, Integer> col = new LinkedHashMap<>();
        Set<String> ignored = new TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
            String role = COLUMNS.get(normalise(names.get(i)));
            if (role == null) {
                if (!names.get(i).isBlank()) {
                    ignored.add("'" + names.get(i) + "'");
                }
                continue;
            }
            Integer before = col.put(role, i);
            if (before != null) {
                throw new ReferenceException(file, "line " + (headerLine + 1) + ": columns '" + names.get(before)
                        + "' and '" + names.get(i) + "' both give the " + role);
            }
        }
        if (!col.containsKey("start")) {
            throw new ReferenceException(file, "line " + (headerLine + 1) + ": no 'start' (or 'onset') column among "
                    + names + "; reference tables need start and end (or duration) in seconds");
        }
        if (col.containsKey("end") == col.containsKey("duration")) {
            throw new ReferenceException(file, "line " + (headerLine + 1) + ": "
                    + (col.containsKey("end") ? "both 'end' and 'duration' columns; keep one"
                            : "no 'end' or 'duration' column among " + names));
        }
        List<String> notes = new ArrayList<>();
        if (!ignored.isEmpty()) {
            notes.add("column" + (ignored.size() == 1 ? " " : "s ") + String.join(", ", ignored) + " ignored (known: start"
                    + " or onset, end or duration, beats, frequencyHz, label, channel)");
        }
        List<ReferenceEvent> events = new ArrayList<>();
        int rows = 0;
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isBlank() || raw.strip().startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            List<String> cells = split(raw, sep, file, lineNo);
            if (cells.stream().allMatch(String::isBlank)) {
                continue; // a spreadsheet's empty row, ",,,"
            }
            rows++;
            if (cells.size() > names.size()) {
                throw new ReferenceException(file, "line " + lineNo + " has " + cells.size() + " fields but the header "
                        + names.size() + (sep == ',' ? " (a decimal comma needs ';' or tab as separator)" : ""));
            }
            String label = cell(cells, col.get("label"));
            if (!filter.isEmpty() && col.containsKey("label") && !label.toLowerCase(Locale.ROOT).contains(filter)) {
                continue;
            }
            String where = "line " + lineNo;
            double start = number(file, where, names, col.get("start"), cells, decimalComma, true).getAsDouble();
            if (start < 0) {
                throw new ReferenceException(file, where + ": start " + seconds(start) + " s is negative; times are"
                        + " seconds from the recording's start");
            }
            double end;
            if (col.containsKey("end")) {
                end = number(file, where, names, col.get("end"), cells, decimalComma, true).getAsDouble();
                if (!(end > start)) {
                    throw new ReferenceException(file, where + ": end " + seconds(end) + " s is not after start "
                            + seconds(start) + " s");
                }
            } else {
                double duration = number(file, where, names, col.get("duration"), cells, decimalComma, true)
                        .getAsDouble();
                if (!(duration > 0)) {
                    throw new ReferenceException(file, where + ": duration " + seconds(duration) + " s is not positive;"
                            + " a reference event needs a start and an end");
                }
                end = start + duration;
            }
            OptionalInt beats = OptionalInt.empty();
            String b = cell(cells, col.get("beats"));
            if (!b.isEmpty()) {
                if (!INTEGER.matcher(b).matches() || b.length() > 9 || Integer.parseInt(b) < 1) {
                    throw new ReferenceException(file, where + ", column '" + names.get(col.get("beats")) + "': '" + b
                            + "' is not a whole number of beats (1 or more)");
                }
                beats = OptionalInt.of(Integer.parseInt(b));
            }
            OptionalDouble hz = number(file, where, names, col.get("frequencyHz"), cells, decimalComma, false);
            if (hz.isPresent() && !(hz.getAsDouble() > 0)) {
                throw new ReferenceException(file, where + ", column '" + names.get(col.get("frequencyHz")) + "': "
                        + "a frequency must be positive, got " + cell(cells, col.get("frequencyHz")));
            }
            events.add(new ReferenceEvent(start, end, beats, hz, label, cell(cells, col.get("channel")), where));
        }
        if (!filter.isEmpty() && col.containsKey("label") && events.size() < rows) {
            notes.add("kept " + events.size() + " of " + rows + " rows (those whose label contains '" + filter + "')");
        }
        return new ReferenceSet(file, checked(file, events), null, rows, notes);
    }

    /**
     * Sorts the events and checks that no two of the same channel overlap.
     *
     * @param file   the file, for messages
     * @param events the events
     * @return them sorted by start
     * @throws ReferenceException naming both events when two overlap
     */
    static List<ReferenceEvent> checked(Path file, List<ReferenceEvent> events) throws ReferenceException {
        List<ReferenceEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(ReferenceEvent::startS));
        Map<String, ReferenceEvent> last = new HashMap<>();
        for (ReferenceEvent e : sorted) {
            String key = channelKey(e.channel());
            ReferenceEvent before = last.get(key);
            if (before != null && e.startS() < before.endS()) {
                throw new ReferenceException(file, e.origin() + ": " + span(e) + " overlaps " + before.origin() + " ("
                        + span(before) + ")" + (key.isEmpty() ? "" : " on channel '" + e.channel() + "'")
                        + "; reference events must not overlap (join them into one event)");
            }
            if (before == null || e.endS() > before.endS()) {
                last.put(key, e);
            }
        }
        return sorted;
    }

    /** @return the key channels are compared by: stripped, lower case */
    static String channelKey(String channel) {
        return channel.strip().toLowerCase(Locale.ROOT);
    }

    private static String span(ReferenceEvent e) {
        return seconds(e.startS()) + "-" + seconds(e.endS()) + " s";
    }

    static String seconds(double s) {
        return io.clonus.analysis.Seconds.text(s);
    }

    private static String filter(String labelContains) {
        return labelContains == null ? "" : labelContains.strip().toLowerCase(Locale.ROOT);
    }

    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("\\((s|sec|seconds|hz)\\)|\\[(s|sec|seconds|hz)]", "$1$2");
        return n.replaceAll("[^a-z0-9]", "");
    }

    private static String cell(List<String> cells, Integer index) {
        return index == null || index >= cells.size() ? "" : cells.get(index).strip();
    }

    private static OptionalDouble number(Path file, String where, List<String> names, Integer index, List<String> cells,
            boolean decimalComma, boolean required) throws ReferenceException {
        if (index == null) {
            return OptionalDouble.empty();
        }
        String text = cell(cells, index);
        if (text.isEmpty()) {
            if (required) {
                throw new ReferenceException(file, where + ", column '" + names.get(index) + "': empty; a number of"
                        + " seconds is needed");
            }
            return OptionalDouble.empty();
        }
        String t = decimalComma && text.indexOf(',') >= 0 && text.indexOf('.') < 0 ? text.replace(',', '.') : text;
        if (!NUMBER.matcher(t).matches() || !Double.isFinite(Double.parseDouble(t))) {
            throw new ReferenceException(file, where + ", column '" + names.get(index) + "': '" + text + "' is not a"
                    + " number" + (required ? " of seconds (times are seconds from the recording's start, e.g. 12.5)"
                            : ""));
        }
        return OptionalDouble.of(Double.parseDouble(t));
    }

    /** Splits one line at the separator, honouring double quotes ("" inside quotes is one quote). */
    private static List<String> split(String line, char sep, Path file, int lineNo) throws ReferenceException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                cur.setLength(0);
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new ReferenceException(file, "line " + lineNo + ": a quoted field is not closed");
        }
        out.add(cur.toString());
        return out;
    }
}
