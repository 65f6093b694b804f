/**
 * Simulated recordings with known truth, for testing the detector and pipelines of your own. Not a stage of
 * the pipeline (read → condition → envelope/beats → episodes → classify → report) but its test bench: each
 * simulator makes the {@link io.clonus.detect.Signal} that the pipeline reads, together with what was put
 * into it.
 *
 * <p>{@link io.clonus.sim.EmgSimulator} makes surface or needle EMG: clonus as Hann-shaped bursts or as
 * volleys of motor units, and the look-alikes that fool simple detectors (tonic contraction, voluntary and gait
 * bursts, irregular motor units, ECG, myoclonus, cable motion, artefacts, rhythms outside the band), on noise,
 * mains hum and drift. {@link io.clonus.sim.AccSimulator} makes accelerometer or gyroscope readings, either
 * drawn in sensor axes or from an ankle kinematics model with the sensor placed by a
 * {@link io.clonus.sim.FootSensor}. {@link io.clonus.sim.ClonusPattern} describes the timing and amplitudes of
 * one run (jitter, onset and end slowing, first beat largest, decay) and drives both simulators alike.
 *
 * <p>A build gives a {@link io.clonus.sim.SimulatedRecording}: the signal, every rhythmic run put in as a
 * {@link io.clonus.sim.TrueEpisode} with its true beat times, and a description in words. Output is
 * deterministic for a seed, on every JDK. Builders are not thread-safe (one per thread); patterns, sensors and
 * recordings are immutable.
 */
package io.clonus.sim;
