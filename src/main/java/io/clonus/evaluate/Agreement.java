package io.clonus.evaluate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Agreement of one measure (beat count, frequency or duration) between the detector and the reference over the
 * true positives matched one to one ({@link EventMatch#oneToOne}) for which both give the measure. Each figure is
 * empty when the data cannot give it: the ICC and Bland–Altman with fewer than 2 pairs (the ICC also when the
 * matched events do not differ at all), the correlations with fewer than 4 pairs or a constant series. Immutable and
 * thread-safe. Made by {@link #of}.
 *
 * @param measure     {@code "beats"}, {@code "frequency"} or {@code "duration"}
 * @param unit        {@code "beats"}, {@code "Hz"} or {@code "s"}
 * @param pairs       the pairs, in the order of the event table
 * @param icc         ICC(2,1), two-way random effects, absolute agreement, single rater, with its McGraw &amp; Wong
 *                    interval ({@link Statistics#icc21(double[], double[], double)})
 * @param blandAltman bias and limits of agreement of detected minus reference ({@link Statistics#blandAltman})
 * @param pearson     Pearson's r ({@link Statistics#pearson})
 * @param spearman    Spearman's ρ ({@link Statistics#spearman})
 */
public record Agreement(String measure, String unit, List<Pair> pairs, Optional<Estimate> icc,
        Optional<BlandAltman> blandAltman, Optional<Correlation> pearson, Optional<Correlation> spearman) {

    /**
     * One matched pair.
     *
     * @param recording the recording
     * @param reference the reference value
     * @param detected  the detector's value
     */
    public record Pair(String recording, double reference, double detected) {
        /** Checks the values. */
        public Pair {
            Objects.requireNonNull(recording, "recording");
            if (!Double.isFinite(reference) || !Double.isFinite(detected)) {
                throw new IllegalArgumentException("a pair needs finite values, got " + reference + ", " + detected);
            }
        }
    }

    /** Copies the list. */
    public Agreement {
        pairs = List.copyOf(pairs);
    }

    /**
     * @param measure    the measure's name
     * @param unit       its unit
     * @param pairs      the pairs
     * @param confidence the confidence level
     * @return the agreement
     */
    public static Agreement of(String measure, String unit, List<Pair> pairs, double confidence) {
        double[] det = pairs.stream().mapToDouble(Pair::detected).toArray();
        double[] ref = pairs.stream().mapToDouble(Pair::reference).toArray();
        return new Agreement(measure, unit, pairs, Statistics.icc21(det, ref, confidence),
                Statistics.blandAltman(det, ref, confidence), Statistics.pearson(det, ref, confidence),
                Statistics.spearman(det, ref, confidence));
    }

    /** @return the number of pairs */
    public int n() {
        return pairs.size();
    }
}
