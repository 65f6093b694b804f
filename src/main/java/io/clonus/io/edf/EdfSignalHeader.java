package io.clonus.io.edf;

/**
 * One signal's entry in an EDF/BDF header, with labels and text fields trimmed of padding.
 *
 * <p>Scaling: a stored (digital) sample {@code d} maps linearly to the physical value
 * {@code physical = gain() * d + offset()}, where {@code gain() = (physicalMax - physicalMin) /
 * (digitalMax - digitalMin)} and {@code offset() = physicalMin - gain() * digitalMin}; so
 * {@code digitalMin} maps to {@code physicalMin} and {@code digitalMax} to {@code physicalMax}. One
 * digital step is {@code |gain()|} physical units (the quantisation step).
 *
 * <p>Immutable and thread-safe.
 *
 * @param index position of this signal in the header, from 0, counting annotation signals too
 * @param label trimmed label, e.g. {@code "EMG L TA"} or {@code "EDF Annotations"}
 * @param transducer trimmed transducer type, e.g. {@code "AgAgCl electrode"}
 * @param physicalDimension trimmed unit of the physical values, e.g. {@code "uV"}
 * @param physicalMin physical value of {@code digitalMin}, in {@code physicalDimension}
 * @param physicalMax physical value of {@code digitalMax}, in {@code physicalDimension}; never equal to {@code physicalMin}
 * @param digitalMin smallest stored integer, strictly less than {@code digitalMax}
 * @param digitalMax largest stored integer
 * @param prefiltering trimmed prefiltering text, e.g. {@code "HP:10Hz LP:500Hz"}
 * @param samplesPerRecord samples of this signal in each data record (&gt; 0); for an annotation
 *     signal this counts 2-byte (EDF+) or 3-byte (BDF+) units of annotation text
 */
public record EdfSignalHeader(int index, String label, String transducer, String physicalDimension,
                              double physicalMin, double physicalMax, long digitalMin, long digitalMax,
                              String prefiltering, int samplesPerRecord) {

    /** Label of the EDF+ annotation signal. */
    public static final String EDF_ANNOTATIONS = "EDF Annotations";
    /** Label of the BDF+ annotation signal. */
    public static final String BDF_ANNOTATIONS = "BDF Annotations";

    /** {@code true} if this is an EDF+/BDF+ annotation signal ({@code "EDF Annotations"} or {@code "BDF Annotations"}) rather than samples. */
    public boolean isAnnotation() {
        return EDF_ANNOTATIONS.equals(label) || BDF_ANNOTATIONS.equals(label);
    }

    /**
     * Sampling rate in Hz: samples per record divided by the record duration in seconds. Returns
     * {@code NaN} when the record duration is 0 (annotation-only files).
     */
    public double sampleRateHz(double recordDurationS) {
        return recordDurationS > 0 ? samplesPerRecord / recordDurationS : Double.NaN;
    }

    /** Physical units per digital step: {@code (physicalMax - physicalMin) / (digitalMax - digitalMin)}. */
    public double gain() {
        return (physicalMax - physicalMin) / (double) (digitalMax - digitalMin);
    }

    /** Physical value of digital 0: {@code physicalMin - gain() * digitalMin}. */
    public double offset() {
        return physicalMin - gain() * digitalMin;
    }

    /** Converts one stored sample to physical units ({@code gain() * digital + offset()}); values outside the digital range are not clamped. */
    public double toPhysical(long digital) {
        return gain() * digital + offset();
    }

    /** {@code "EMG"}, {@code "ACC"} or {@code null}, guessed from the label; see {@link SignalLabels#inferType(String)}. */
    public String inferredType() {
        return isAnnotation() ? null : SignalLabels.inferType(label);
    }

    /** Same as {@link SignalLabels#inferType(String)}. */
    public static String inferType(String label) {
        return SignalLabels.inferType(label);
    }
}
