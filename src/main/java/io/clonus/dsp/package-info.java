/**
 * Signal-processing building blocks for clonus detection: Butterworth and notch filter design,
 * causal and zero-phase filtering, power spectra, autocorrelation, peak finding, the Hilbert
 * envelope and mains-hum detection.
 *
 * <p>Conventions shared by every class in this package:
 * <ul>
 *   <li>Frequencies are in hertz (Hz), sample rates in samples per second (Hz), lengths, lags and
 *       indices in samples.</li>
 *   <li>Each operation reproduces a named numpy/scipy call (scipy 1.17); the Javadoc names it and
 *       the tests compare against values scipy produced.</li>
 *   <li>Invalid parameters throw {@link java.lang.IllegalArgumentException} whose message names the
 *       offending value and the rule it breaks; {@code null} arrays throw
 *       {@link java.lang.NullPointerException}.</li>
 *   <li>Input arrays are never modified unless a method says so (the in-place variants).</li>
 *   <li>There is no global mutable state: static methods are thread-safe, immutable values
 *       ({@link io.clonus.dsp.Sos}, {@link io.clonus.dsp.Spectrum}) may be shared, and the one
 *       stateful object, {@link io.clonus.dsp.SosFilter}, must be confined to one thread.</li>
 * </ul>
 */
package io.clonus.dsp;
