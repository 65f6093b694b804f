package io.clonus.detect;

/** What to do about power-line interference in EMG. */
public enum MainsSetting {
    /** Decide from the spectrum of the first seconds of the recording (see {@link DetectorConfig#mainsProbeS()}). */
    AUTO,
    /** Do not suppress mains interference. */
    OFF,
    /** Suppress 50 Hz and those of its harmonics that stand out (Europe, Asia, Africa, Australia). */
    HZ_50,
    /** Suppress 60 Hz and those of its harmonics that stand out (Americas, parts of Asia). */
    HZ_60
}
