package io.clonus.evaluate;

import java.util.OptionalDouble;

/**
 * Detection latency of the true positives: detected start minus reference start (the earliest of the detections
 * that matched), seconds; negative when the detection started first. Quartiles by {@link Statistics#quantile}.
 * Immutable and thread-safe. Made by {@link #of}.
 *
 * @param n              true positives measured
 * @param medianS        the median; empty when n = 0
 * @param lowerQuartileS the 25th percentile; empty when n = 0
 * @param upperQuartileS the 75th percentile; empty when n = 0 (the IQR runs from the lower to the upper quartile)
 */
public record Latency(int n, OptionalDouble medianS, OptionalDouble lowerQuartileS, OptionalDouble upperQuartileS) {
    /**
     * @param latenciesS the latencies, seconds
     * @return their summary
     */
    public static Latency of(double[] latenciesS) {
        return new Latency(latenciesS.length, Statistics.quantile(latenciesS, 0.5),
                Statistics.quantile(latenciesS, 0.25), Statistics.quantile(latenciesS, 0.75));
    }
}
