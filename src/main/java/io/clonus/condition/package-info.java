/**
 * Stage 1 of the pipeline, conditioning: raw samples in, the detection signal out, causally and in
 * constant memory. {@link io.clonus.condition.EmgConditioner} band-passes EMG, cancels mains hum with a
 * sinusoid learned while the muscle is quiet, rectifies, averages to about 250 Hz and low-passes to the
 * envelope; {@link io.clonus.condition.AccConditioner} band-passes each motion axis and projects onto the
 * principal axis of motion. Both hand their output to a {@link io.clonus.detect.DetectionSink}, which the
 * beat stage ({@code io.clonus.beats}) implements.
 */
package io.clonus.condition;
