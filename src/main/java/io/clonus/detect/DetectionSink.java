package io.clonus.detect;

/**
 * Receives the detection signal, one sample at a time, from a conditioner. For EMG: the smoothed envelope,
 * with the mean rectified EMG and the mean squared EMG of the same block of raw samples (aligned with the
 * envelope, unsmoothed) from which the noise floor, the relaxation between bursts and the duration of a
 * burst are measured. For ACC: the principal-axis oscillation, its absolute value and its square.
 */
public interface DetectionSink {

    /**
     * @param value  the detection signal (EMG envelope, or ACC oscillation)
     * @param level  EMG: mean |x| of the block; ACC: |value|
     * @param power  EMG: mean x² of the block; ACC: value²
     */
    void accept(double value, double level, double power);

    /**
     * The largest absolute raw input sample so far has grown to {@code maxAbs}; called before the detection
     * sample it first applies to, so that the floor can respect the input's numerical precision.
     *
     * @param maxAbs the largest |x| of the raw samples so far, in the input's unit
     */
    default void inputMagnitude(double maxAbs) {
    }
}
