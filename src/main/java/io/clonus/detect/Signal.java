package io.clonus.detect;

import java.util.Arrays;
import java.util.Objects;

/**
 * Samples of one sensor with their sample rate: one EMG channel, or one to three axes of an
 * accelerometer or gyroscope. The sample rate travels with the data so that no step can be called with
 * the wrong one.
 *
 * <p>Instances are immutable when made with the {@code of}/{@code emg}/{@code acc} factories, which copy
 * the arrays. {@link #wrap} does not copy, for recordings too large to hold twice; the caller must then not
 * modify the arrays. Samples are not checked here (the detector checks them and names the first bad one),
 * so a {@code Signal} may hold NaN. Thread-safe when its arrays are not modified.
 */
public final class Signal {
    private final String label;
    private final SignalType type;
    private final double sampleRateHz;
    private final double[][] axes;

    private Signal(String label, SignalType type, double sampleRateHz, double[][] axes) {
        this.label = label == null ? "" : label;
        this.type = Objects.requireNonNull(type, "type");
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new InvalidSignalException(this.label,
                    "sample rate must be a positive number of Hz, got " + sampleRateHz);
        }
        this.sampleRateHz = sampleRateHz;
        if (axes == null || axes.length == 0) {
            throw new InvalidSignalException(this.label, "no samples given");
        }
        int max = type == SignalType.EMG ? 1 : 3;
        if (axes.length > max) {
            throw new InvalidSignalException(this.label, type == SignalType.EMG
                    ? "an EMG signal has one channel, got " + axes.length + " (analyse each channel separately)"
                    : "an accelerometer has at most 3 axes, got " + axes.length);
        }
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] == null) {
                throw new InvalidSignalException(this.label, "axis " + (i + 1) + " is null");
            }
            if (axes[i].length != axes[0].length) {
                throw new InvalidSignalException(this.label, "axes differ in length: axis 1 has "
                        + axes[0].length + " samples, axis " + (i + 1) + " has " + axes[i].length);
            }
        }
        this.axes = axes;
    }

    /**
     * One EMG channel.
     *
     * @param label        channel name (may be empty)
     * @param sampleRateHz samples per second, positive
     * @param samples      the samples in any unit (µV, mV, ADC counts); copied
     * @return the signal
     * @throws InvalidSignalException if the sample rate is not positive
     */
    public static Signal emg(String label, double sampleRateHz, double[] samples) {
        return new Signal(label, SignalType.EMG, sampleRateHz, new double[][] {copy(samples)});
    }

    /**
     * One accelerometer or gyroscope with one to three axes of equal length.
     *
     * @param label        sensor name (may be empty)
     * @param sampleRateHz samples per second, positive
     * @param axes         one array per axis, in any unit; copied
     * @return the signal
     * @throws InvalidSignalException if there are no axes or more than three, or they differ in length
     */
    public static Signal acc(String label, double sampleRateHz, double[]... axes) {
        return new Signal(label, SignalType.ACC, sampleRateHz, copy(axes));
    }

    /**
     * A signal of the given type; like {@link #emg} or {@link #acc}.
     *
     * @param label        name
     * @param type         signal type
     * @param sampleRateHz samples per second
     * @param axes         the channel (EMG) or axes (ACC); copied
     * @return the signal
     */
    public static Signal of(String label, SignalType type, double sampleRateHz, double[]... axes) {
        return new Signal(label, type, sampleRateHz, copy(axes));
    }

    /**
     * Like {@link #of} but without copying: the caller promises not to modify the arrays afterwards.
     * For recordings too large to hold twice.
     *
     * @param label        name
     * @param type         signal type
     * @param sampleRateHz samples per second
     * @param axes         the channel (EMG) or axes (ACC); not copied
     * @return the signal
     */
    public static Signal wrap(String label, SignalType type, double sampleRateHz, double[]... axes) {
        return new Signal(label, type, sampleRateHz, axes == null ? null : axes.clone());
    }

    private static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }

    private static double[][] copy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = copy(a[i]);
        }
        return c;
    }

    /** @return the label (channel or sensor name), never null */
    public String label() {
        return label;
    }

    /** @return the signal type */
    public SignalType type() {
        return type;
    }

    /** @return samples per second (Hz) */
    public double sampleRateHz() {
        return sampleRateHz;
    }

    /** @return number of samples per axis */
    public int length() {
        return axes[0].length;
    }

    /** @return duration in seconds ({@code length / sampleRateHz}) */
    public double durationS() {
        return axes[0].length / sampleRateHz;
    }

    /** @return number of axes: 1 for EMG, 1–3 for ACC */
    public int axisCount() {
        return axes.length;
    }

    /**
     * @param axis axis index (0-based)
     * @param i    sample index
     * @return one sample
     */
    public double sample(int axis, int i) {
        return axes[axis][i];
    }

    /**
     * Copies samples of one axis into {@code dst}.
     *
     * @param axis   axis index (0-based)
     * @param from   first sample
     * @param dst    destination, modified
     * @param offset where to write in {@code dst}
     * @param count  number of samples
     */
    public void copyTo(int axis, int from, double[] dst, int offset, int count) {
        System.arraycopy(axes[axis], from, dst, offset, count);
    }

    /**
     * @param axis axis index (0-based)
     * @return a copy of one axis
     */
    public double[] toArray(int axis) {
        return axes[axis].clone();
    }

    /**
     * @param label new label
     * @return the same samples under another label (not copied)
     */
    public Signal withLabel(String label) {
        return new Signal(label, type, sampleRateHz, axes);
    }

    @Override
    public String toString() {
        return "Signal[" + type + " '" + label + "', " + axes.length + " axis, " + length() + " samples at "
                + sampleRateHz + " Hz]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signal s && s.type == type && s.label.equals(label)
                && Double.compare(s.sampleRateHz, sampleRateHz) == 0 && Arrays.deepEquals(s.axes, axes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, type, sampleRateHz, Arrays.deepHashCode(axes));
    }
}
