package io.clonus.io;

import io.clonus.detect.SignalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which channels of a file are analysed, and how they group into signals: each EMG channel is a
 * signal of its own; accelerometer or gyroscope axes of one sensor (same name but for an x/y/z suffix)
 * form one signal of up to three axes. A unit in brackets or parentheses at the end of a name is not part
 * of it, so {@code Acceleration x (m/s^2)}, {@code Sensor 1: ACC X (G)}, {@code accX [g]} and
 * {@code gyr_x} are axis x of the sensors {@code Acceleration}, {@code Sensor 1: ACC}, {@code acc} and
 * {@code gyr}. Stateless and thread-safe.
 */
public final class ChannelPlan {
    private static final Pattern AXIS = Pattern.compile("^(.*?)[ _\\-.:]?([xyzXYZ])$");
    /** A unit or remark in brackets or parentheses at the end of a name: "(m/s^2)", "[g]", "(G)". */
    private static final Pattern TRAILING_UNIT = Pattern.compile("\\s*(\\([^()]*\\)|\\[[^\\[\\]]*\\])\\s*$");

    private ChannelPlan() {
    }

    /**
     * One signal to analyse.
     *
     * @param label    its label: the channel name (EMG) or the sensor name (ACC)
     * @param type     its type
     * @param channels the channel names it is made of, in file order (1 for EMG, 1–3 for ACC)
     */
    public record Group(String label, SignalType type, List<String> channels) {
        /** Copies the list. */
        public Group {
            channels = List.copyOf(channels);
        }
    }

    /** A word of a label that names a motion sensor, optionally glued to its axis ("Accel", "GyroX", "acc"). */
    private static final Pattern MOTION_WORD =
            Pattern.compile("(acc|accel|accelerometer|gyr|gyro|gyroscope)[xyz]?");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^a-z0-9]+");

    /**
     * Guesses a channel's type from its name or EDF label. This is the one rule of the project; the EDF
     * package's {@link io.clonus.io.edf.SignalLabels} delegates to it. Case-insensitive, surrounding spaces
     * ignored:
     * <ul>
     * <li>EMG: the name contains {@code emg} ({@code "EMG L TA"}, {@code "emg1"}, {@code "L TA EMG"}).</li>
     * <li>ACC (accelerometer or gyroscope): the name starts with {@code acc} or {@code gyr} ({@code "ACC X"},
     *     {@code "Accelerometer"}, {@code "Gyro Z"}); or it is a bare axis name {@code x}, {@code y}, {@code z},
     *     {@code ax}..{@code az}, {@code gx}..{@code gz}, {@code wx}..{@code wz}; or one of its words is
     *     {@code acc}, {@code accel}, {@code accelerometer}, {@code gyr}, {@code gyro} or {@code gyroscope},
     *     possibly with an axis letter glued on ({@code "Wrist Accel"}, {@code "L shank GyroX"}).</li>
     * </ul>
     * EMG is checked first. EEG, ECG, status and other channels give null.
     *
     * @param name a channel name or EDF label; null gives null
     * @return the type, or null when the name does not tell
     */
    public static SignalType inferType(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.contains("emg")) {
            return SignalType.EMG;
        }
        if (n.startsWith("acc") || n.startsWith("gyr") || n.matches("[agw]?[xyz]")) {
            return SignalType.ACC;
        }
        for (String word : WORD_SEPARATORS.split(n)) {
            if (MOTION_WORD.matcher(word).matches()) {
                return SignalType.ACC;
            }
        }
        return null;
    }

    /**
     * @param available channel names in the file (time column excluded), in file order
     * @param requested names asked for (case-insensitive, surrounding spaces ignored), or null/empty for all
     * @param forced    the type given by the user, or null to infer it from the names
     * @return the signals to analyse, in file order
     * @throws InputException for an unknown channel (listing the available ones), a type that cannot be
     *                        inferred, or more than three axes for one sensor
     */
    public static List<Group> plan(List<String> available, List<String> requested, SignalType forced)
            throws InputException {
        return plan(available, requested, forced, new ArrayList<>());
    }

    /**
     * Like {@link #plan(List, List, SignalType)}, and says in {@code notes} which channels are analysed as a
     * type other than their name tells (a forced {@code --type}).
     *
     * @param available channel names in the file (time column excluded), in file order
     * @param requested names asked for, or null/empty for all
     * @param forced    the type given by the user, or null to infer it from the names
     * @param notes     receives one note per channel whose name tells another type than {@code forced}
     * @return the signals to analyse, in file order
     * @throws InputException as {@link #plan(List, List, SignalType)}
     */
    public static List<Group> plan(List<String> available, List<String> requested, SignalType forced,
            List<String> notes) throws InputException {
        List<Group> groups = planGroups(available, requested, forced);
        if (forced != null) {
            for (Group g : groups) {
                for (String c : g.channels()) {
                    SignalType named = inferType(c);
                    if (named != null && named != forced) {
                        notes.add(String.format(Locale.ROOT, "channel '%s' is named like %s but analysed as %s"
                                + " (--type %s)", c.strip(), named == SignalType.EMG ? "EMG" : "a motion sensor",
                                forced == SignalType.EMG ? "EMG" : "a motion sensor",
                                forced.name().toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
        return groups;
    }

    private static List<Group> planGroups(List<String> available, List<String> requested, SignalType forced)
            throws InputException {
        List<String> chosen = new ArrayList<>();
        if (requested == null || requested.isEmpty()) {
            chosen.addAll(available);
        } else {
            for (String r : requested) {
                String match = null;
                for (String a : available) {
                    if (a.strip().equals(r.strip())) {
                        match = a;
                        break;
                    }
                }
                if (match == null) {
                    for (String a : available) {
                        if (a.strip().equalsIgnoreCase(r.strip())) {
                            match = a;
                            break;
                        }
                    }
                }
                if (match == null) {
                    throw new InputException("no channel named '" + r.strip() + "'; available: "
                            + quoteAll(available));
                }
                if (!chosen.contains(match)) {
                    chosen.add(match);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new InputException("no data channels (only a time column?)");
        }
        List<Group> groups = new ArrayList<>();
        if (forced == SignalType.EMG) {
            for (String c : chosen) {
                groups.add(new Group(c.strip(), SignalType.EMG, List.of(c)));
            }
            return groups;
        }
        if (forced == SignalType.ACC) {
            if (chosen.size() > 3) {
                throw new InputException("--type acc takes up to 3 channels as the axes of one sensor, got "
                        + chosen.size() + " (" + quoteAll(chosen) + "); pick them with --channels");
            }
            groups.add(new Group(sensorName(chosen), SignalType.ACC, chosen));
            return groups;
        }
        List<String> unknown = new ArrayList<>();
        Map<String, List<String>> sensors = new LinkedHashMap<>();
        Map<String, Integer> position = new LinkedHashMap<>();
        List<Object[]> ordered = new ArrayList<>();
        for (String c : chosen) {
            SignalType t = inferType(c);
            if (t == null) {
                unknown.add(c);
            } else if (t == SignalType.EMG) {
                ordered.add(new Object[] {new Group(c.strip(), SignalType.EMG, List.of(c))});
            } else {
                String key = sensorKey(c);
                if (!sensors.containsKey(key)) {
                    sensors.put(key, new ArrayList<>());
                    position.put(key, ordered.size());
                    ordered.add(new Object[] {key});
                }
                sensors.get(key).add(c);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InputException("cannot tell whether " + quoteAll(unknown) + (unknown.size() == 1 ? " is" : " are")
                    + " EMG or accelerometer from the name; give --type emg or --type acc, or pick channels with"
                    + " --channels");
        }
        for (Object[] o : ordered) {
            if (o[0] instanceof Group g) {
                groups.add(g);
            } else {
                List<String> axes = sensors.get((String) o[0]);
                if (axes.size() > 3) {
                    throw new InputException("sensor '" + o[0] + "' has " + axes.size() + " axes (" + quoteAll(axes)
                            + "); pick at most 3 with --channels");
                }
                groups.add(new Group(sensorName(axes), SignalType.ACC, axes));
            }
        }
        return groups;
    }

    /** The name without a trailing unit in brackets or parentheses (repeatedly), stripped. */
    static String bare(String name) {
        String n = name.strip();
        for (Matcher m = TRAILING_UNIT.matcher(n); m.find() && m.start() > 0; m = TRAILING_UNIT.matcher(n)) {
            n = n.substring(0, m.start()).strip();
        }
        return n;
    }

    /** Name without its unit and axis suffix, lower case; names without an axis are their own sensor. */
    private static String sensorKey(String name) {
        Matcher m = AXIS.matcher(bare(name));
        if (m.matches()) {
            return m.group(1).toLowerCase(Locale.ROOT);
        }
        return name.strip().toLowerCase(Locale.ROOT) + "\u0000";
    }

    private static String sensorName(List<String> axes) {
        if (axes.size() == 1) {
            return axes.get(0).strip();
        }
        Matcher m = AXIS.matcher(bare(axes.get(0)));
        if (m.matches() && !m.group(1).isEmpty()) {
            String prefix = m.group(1);
            boolean same = axes.stream().allMatch(a -> {
                Matcher mm = AXIS.matcher(bare(a));
                return mm.matches() && mm.group(1).equalsIgnoreCase(prefix);
            });
            if (same) {
                return prefix;
            }
        }
        return String.join("+", axes.stream().map(String::strip).toList());
    }

    private static String quoteAll(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append('\'').append(n.strip()).append('\'');
        }
        return s.toString();
    }
}
