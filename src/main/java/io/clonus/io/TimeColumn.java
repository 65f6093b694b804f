package io.clonus.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time columns of delimited text: which column names mean time, and in which unit their values are.
 * Stateless and thread-safe.
 *
 * <p><b>Names.</b> Case and surrounding spaces are ignored. A time column is named {@code time}, {@code t},
 * {@code timestamp} (or {@code time stamp}), {@code elapsed} (or {@code elapsed time}) or {@code sample time},
 * optionally followed by a unit in brackets or parentheses or after an underscore or space:
 * {@code Time [s]}, {@code time (ms)}, {@code time_ms}, {@code t_s}, {@code elapsed (s)}, {@code timestamp_ns},
 * {@code Time (µs)}; or it is a unit word alone: {@code seconds}, {@code sec}, {@code ms},
 * {@code milliseconds}. Units: {@code s}/{@code sec}/{@code seconds}, {@code ms}/{@code msec}/{@code millis},
 * {@code us}/{@code µs}/{@code usec}/{@code micros}, {@code ns}/{@code nsec}/{@code nanos}. A name with another
 * word after the base ({@code time_of_day}) is not a time column.
 *
 * <p><b>Values without a unit in the name</b> are read in seconds when that gives a plausible sample rate
 * ({@link #MIN_RATE_HZ}–{@link #MAX_RATE_HZ}). Otherwise the unit is inferred only where a single reading
 * fits: Unix time (the first value between the years 2000 and 2100 in seconds, milliseconds, microseconds or
 * nanoseconds) with a plausible rate in that unit; or whole-number values (as loggers write counters) for
 * which exactly one of milliseconds, microseconds and nanoseconds gives a plausible rate (nanoseconds since
 * boot, for example). Every inference is said in a note. Anything else is refused with what was found, for
 * example a sample counter 0, 1, 2 …, which could be milliseconds at 1 kHz or microseconds at 1 MHz.
 */
public final class TimeColumn {
    /** Lowest sample rate a time column may imply, Hz: slower records cannot show a 3-12 Hz rhythm. */
    public static final double MIN_RATE_HZ = 10;
    /** Highest sample rate a time column may imply, Hz (needle EMG is recorded at up to about 100 kHz). */
    public static final double MAX_RATE_HZ = 1e6;
    /** Unix time of 2000-01-01 and 2100-01-01, seconds: the span read as "a Unix timestamp". */
    private static final double EPOCH_FROM_S = 946_684_800;
    private static final double EPOCH_TO_S = 4_102_444_800.0;

    private static final Pattern NAME = Pattern.compile(
            "(time ?stamp|elapsed(?:[ _]?time)?|sample[ _]?time|time|t)"
                    + "(?:\\s*[\\[(]\\s*([^\\])]*?)\\s*[\\])]|[ _]+([a-zµμ]+))?");

    private TimeColumn() {
    }

    /** The unit of a time column's values. */
    public enum Unit {
        /** Seconds. */
        SECONDS(1, "s"),
        /** Milliseconds. */
        MILLISECONDS(1e-3, "ms"),
        /** Microseconds. */
        MICROSECONDS(1e-6, "us"),
        /** Nanoseconds. */
        NANOSECONDS(1e-9, "ns");

        private final double seconds;
        private final String symbol;

        Unit(double seconds, String symbol) {
            this.seconds = seconds;
            this.symbol = symbol;
        }

        /** @return one unit in seconds */
        public double seconds() {
            return seconds;
        }

        /** @return its symbol, as in a column name ({@code time_ms}) */
        public String symbol() {
            return symbol;
        }

        private String word() {
            return switch (this) {
                case SECONDS -> "seconds";
                case MILLISECONDS -> "milliseconds";
                case MICROSECONDS -> "microseconds";
                case NANOSECONDS -> "nanoseconds";
            };
        }
    }

    /**
     * @param name a column name; null gives false
     * @return whether it names a time column (see the class description)
     */
    public static boolean isTime(String name) {
        return name != null && parseName(name) != null;
    }

    /**
     * @param name a column name
     * @return the unit its name states, or null when it states none (or is not a time column)
     */
    public static Unit namedUnit(String name) {
        Unit[] u = parseName(name);
        return u == null ? null : u[0];
    }

    /** null: not a time column; {null}: a time column without a unit; {unit}: with that unit. */
    private static Unit[] parseName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        Unit alone = unitWord(n);
        if (alone != null && !n.equals("s")) {
            return new Unit[] {alone};
        }
        Matcher m = NAME.matcher(n);
        if (!m.matches()) {
            return null;
        }
        String token = m.group(2) != null ? m.group(2) : m.group(3);
        if (token == null || token.isEmpty()) {
            return new Unit[] {null};
        }
        Unit u = unitWord(token);
        return u == null ? null : new Unit[] {u};
    }

    private static Unit unitWord(String w) {
        return switch (w) {
            case "s", "sec", "secs", "second", "seconds" -> Unit.SECONDS;
            case "ms", "msec", "msecs", "millis", "millisecond", "milliseconds" -> Unit.MILLISECONDS;
            case "us", "µs", "μs", "usec", "usecs", "micros", "microsecond", "microseconds" -> Unit.MICROSECONDS;
            case "ns", "nsec", "nsecs", "nanos", "nanosecond", "nanoseconds" -> Unit.NANOSECONDS;
            default -> null;
        };
    }

    /**
     * The unit of a time column: the one its name states, else the one its values imply (see the class
     * description).
     *
     * @param name   the column name
     * @param values its values in file order (not modified); at least two, increasing, for an inference
     * @param notes  receives a note when the unit is inferred from the values
     * @return the unit
     * @throws InputException when the name states none and the values fit no single unit; the message says
     *                        what was found and what to do
     */
    public static Unit unit(String name, double[] values, List<String> notes) throws InputException {
        int n = values.length;
        return n == 0 ? unit(name, 0, 0, 0, true, notes)
                : unit(name, values[0], values[n - 1], n, wholeNumbers(values), notes);
    }

    /**
     * {@link #unit(String, double[], List)} from a summary of the values, for files read as a stream.
     *
     * @param name   the column name
     * @param first  the first value
     * @param last   the last value
     * @param n      how many values
     * @param whole  whether every value is a whole number
     * @param notes  receives a note when the unit is inferred from the values
     * @return the unit
     * @throws InputException when the name states none and the values fit no single unit
     */
    public static Unit unit(String name, double first, double last, long n, boolean whole, List<String> notes)
            throws InputException {
        Unit named = namedUnit(name);
        if (named != null || n < 2 || !(last > first)) {
            return named != null ? named : Unit.SECONDS; // order and length are checked with the rate
        }
        double step = (last - first) / (n - 1);
        if (plausible(1 / step)) {
            return Unit.SECONDS;
        }
        double start = Math.abs(first);
        for (Unit u : Unit.values()) {
            double s = start * u.seconds();
            if (s >= EPOCH_FROM_S && s <= EPOCH_TO_S && plausible(1 / (step * u.seconds()))) {
                notes.add(String.format(Locale.ROOT, "time column '%s' read as Unix time in %s (first value %s);"
                        + " name it %s_%s to say so", name.strip(), u.word(), DelimitedText.fmt(first),
                        name.strip(), u.symbol()));
                return u;
            }
        }
        List<Unit> fits = new ArrayList<>();
        if (whole) {
            for (Unit u : new Unit[] {Unit.MILLISECONDS, Unit.MICROSECONDS, Unit.NANOSECONDS}) {
                if (plausible(1 / (step * u.seconds()))) {
                    fits.add(u);
                }
            }
        }
        if (fits.size() == 1) {
            Unit u = fits.get(0);
            notes.add(String.format(Locale.ROOT, "time column '%s' read in %s (whole-number steps of %s imply %s Hz"
                    + " in %s and %s Hz in seconds); name it %s_%s to say so", name.strip(), u.word(),
                    DelimitedText.fmt(step), DelimitedText.fmt(1 / (step * u.seconds())), u.word(),
                    DelimitedText.fmt(1 / step), name.strip(), u.symbol()));
            return u;
        }
        StringBuilder m = new StringBuilder(String.format(Locale.ROOT,
                "time column '%s' implies %s Hz if it is in seconds (steps of %s)", name.strip(),
                DelimitedText.fmt(1 / step), DelimitedText.fmt(step)));
        if (!fits.isEmpty()) {
            m.append(": is it in ");
            for (int i = 0; i < fits.size(); i++) {
                Unit u = fits.get(i);
                m.append(i == 0 ? "" : i == fits.size() - 1 ? " or " : ", ").append(u.word()).append(" (")
                        .append(DelimitedText.fmt(1 / (step * u.seconds()))).append(" Hz)");
            }
            m.append("? name it ").append(name.strip()).append('_').append(fits.get(0).symbol());
        } else {
            m.append(String.format(Locale.ROOT, ", outside %s-%s Hz; name it with its unit (%s_ms, %s_us, ...)",
                    DelimitedText.fmt(MIN_RATE_HZ), DelimitedText.fmt(MAX_RATE_HZ), name.strip(), name.strip()));
        }
        m.append(" or give --fs HZ");
        throw new InputException(m.toString());
    }

    /** A time column whose unit cannot be told from its name or values: a rate given by the user may stand in. */
    public static final class UnknownUnitException extends InputException {
        private static final long serialVersionUID = 1L;

        UnknownUnitException(String message) {
            super(message);
        }
    }

    /**
     * A time column followed row by row, for files read as a stream ({@link DelimitedText}, {@code clonus
     * stream}): order checked at once, unit and gaps once the span is known. Not thread-safe.
     */
    public static final class Track {
        private final String name;
        private long n;
        private double first;
        private double last;
        private int lastLine;
        private boolean whole = true;
        private double maxStep;
        private double maxStepFrom;
        private int maxStepLine;

        /** @param name the column's name */
        public Track(String name) {
            this.name = name;
        }

        /**
         * @param t    the next row's time, in the column's unit
         * @param line its line number
         * @throws InputException when it repeats or goes back from the previous time, naming the line
         */
        public void add(double t, int line) throws InputException {
            if (n > 0) {
                if (t == last) {
                    throw new InputException(String.format(Locale.ROOT,
                            "line %d: time column '%s' repeats %s from line %d; each row needs its own time", line,
                            name, DelimitedText.fmt(t), lastLine));
                }
                if (!(t > last)) {
                    throw new InputException(String.format(Locale.ROOT,
                            "line %d: time column '%s' goes back (%s after %s); sort the rows or give --fs", line,
                            name, DelimitedText.fmt(t), DelimitedText.fmt(last)));
                }
                if (t - last > maxStep) {
                    maxStep = t - last;
                    maxStepFrom = last;
                    maxStepLine = line;
                }
            } else {
                first = t;
            }
            whole &= t == Math.rint(t);
            last = t;
            lastLine = line;
            n++;
        }

        /** @return rows seen */
        public long rows() {
            return n;
        }

        /**
         * The rate over the rows so far, without the checks of {@link #rateHz} for gaps and degenerate spans.
         *
         * @param notes receives a note when the unit is inferred from the values
         * @return (rows - 1) / span, Hz
         * @throws InputException when the unit cannot be told ({@link UnknownUnitException})
         */
        public double spanRateHz(List<String> notes) throws InputException {
            Unit unit = unitOrUnknown(notes);
            return (n - 1) / ((last - first) * unit.seconds());
        }

        private Unit unitOrUnknown(List<String> notes) throws UnknownUnitException {
            try {
                return unit(name, first, last, n, whole, notes);
            } catch (InputException e) {
                throw new UnknownUnitException(e.getMessage());
            }
        }

        /**
         * @param notes receives a note when the unit is inferred from the values
         * @return the sample rate of the whole column, Hz
         * @throws UnknownUnitException when the unit cannot be told
         * @throws InputException       for a single row, a span that gives no rate, or a gap of more than 2.5
         *                              sampling periods (naming its line)
         */
        public double rateHz(List<String> notes) throws InputException {
            if (n < 2) {
                throw new InputException("time column '" + name + "' has a single row: the sample rate cannot be"
                        + " derived");
            }
            Unit unit = unitOrUnknown(notes);
            double scale = unit.seconds();
            double period = (last - first) * scale / (n - 1);
            if (!(period > 0 && Double.isFinite(period) && Double.isFinite(1.0 / period))) {
                // a span that overflows (-1e308 to 1e308) or a step that underflows (0 to 1e-320)
                throw new InputException(String.format(Locale.ROOT, "time column '%s' runs from %.6g to %.6g over %d"
                        + " rows, a sampling period of %.6g s, which gives no sample rate; check its values or give --fs",
                        name, first, last, n, period));
            }
            if (maxStep * scale > 2.5 * period) {
                throw new InputException(String.format(Locale.ROOT,
                        "line %d: time column '%s' jumps from %s to %s, a gap of %s sampling periods; the analysis"
                                + " assumes uniform sampling, so split the file at the gap",
                        maxStepLine, name, DelimitedText.fmt(maxStepFrom), DelimitedText.fmt(maxStepFrom + maxStep),
                        DelimitedText.fmt(Math.round(maxStep * scale / period * 10) / 10.0)));
            }
            return 1.0 / period;
        }
    }

    private static boolean plausible(double rateHz) {
        return rateHz >= MIN_RATE_HZ && rateHz <= MAX_RATE_HZ;
    }

    private static boolean wholeNumbers(double[] v) {
        for (double x : v) {
            if (x != Math.rint(x)) {
                return false;
            }
        }
        return true;
    }
}
