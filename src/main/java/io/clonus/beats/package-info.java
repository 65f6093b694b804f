/**
 * Stage 2 of the pipeline, beat candidates: from the detection signal to candidate beats with their
 * strength. {@link io.clonus.beats.DetectionHistory} keeps the last seconds of the signal,
 * {@link io.clonus.beats.NoiseFloor} the level at rest, {@link io.clonus.beats.BurstFinder} finds EMG bursts
 * that stand above the floor and relax on both sides (strong or weak, single motor units marked), and
 * {@link io.clonus.beats.CycleFinder} one candidate per cycle of a motion signal. Candidates go to a
 * {@link io.clonus.beats.CandidateSink}, which the episode stage ({@code io.clonus.episodes}) implements.
 * Every threshold is in {@link io.clonus.detect.Thresholds}.
 */
package io.clonus.beats;
