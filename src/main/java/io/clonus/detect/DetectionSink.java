package io.clonus.detect;

/**
 * Receives the detection signal, one sample at a time, from a conditioner: the EMG envelope (with a
 * sharper envelope for measuring burst width) or the accelerometer's principal-axis oscillation.
 */
public interface DetectionSink {

    /**
     * @param value      the detection signal
     * @param burstValue EMG: the block-averaged rectified EMG before smoothing; ACC: the same as {@code value}
     */
    void accept(double value, double burstValue);
}
