package io.clonus.detect;

import io.clonus.sim.SimulatedRecording;
import io.clonus.sim.TrueEpisode;
import java.util.List;

/** Compares a result with a simulated record's truth. */
final class Matching {
    private Matching() {
    }

    /** @return how many true beats (of clonus episodes) have a detected beat within {@code toleranceS} */
    static int matchedBeats(ClonusResult r, SimulatedRecording sim, DetectorConfig cfg, double toleranceS) {
        List<Beat> detected = r.beats();
        int matched = 0;
        for (TrueEpisode e : sim.clonusEpisodes(cfg)) {
            for (double t : e.beatTimesS()) {
                for (Beat b : detected) {
                    if (Math.abs(b.timeS() - t) <= toleranceS) {
                        matched++;
                        break;
                    }
                }
            }
        }
        return matched;
    }

    /** @return the largest |detected − true| frequency over detected episodes matched to true ones by overlap */
    static double worstFrequencyErrorHz(ClonusResult r, SimulatedRecording sim, DetectorConfig cfg) {
        double worst = 0;
        for (Episode e : r.episodes()) {
            for (TrueEpisode t : sim.clonusEpisodes(cfg)) {
                if (e.startS() < t.endS() && t.startS() < e.endS()) {
                    worst = Math.max(worst, Math.abs(e.frequencyHz() - t.frequencyHz()));
                }
            }
        }
        return worst;
    }
}
