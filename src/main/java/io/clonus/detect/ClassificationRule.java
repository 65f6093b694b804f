package io.clonus.detect;

/**
 * Turns an episode's beat count and duration into a clinical class. Clinical rules count either beats or
 * seconds, so every rule sees both. Implementations must be immutable and thread-safe.
 *
 * <p>An episode always has at least the detector's minimum number of beats (3 by default); a rule decides
 * only between {@link Classification#UNSUSTAINED} and {@link Classification#SUSTAINED} for it, or returns
 * {@link Classification#NONE} to discard it.
 */
public interface ClassificationRule {

    /**
     * @param beatCount number of beats in the episode
     * @param durationS duration of the episode in seconds (beats × period)
     * @return the class
     */
    Classification classify(int beatCount, double durationS);

    /** @return a short identifier as accepted by {@link #parse}, for example {@code beats:5} */
    String id();

    /** @return one sentence for a methods section saying how episodes are classified */
    String describe();

    /**
     * The default rule: an episode of at least {@code sustainedMinBeats} beats is sustained, a shorter one
     * unsustained.
     *
     * @param sustainedMinBeats beats from which clonus counts as sustained, at least 2
     * @return the rule
     */
    static ClassificationRule beats(int sustainedMinBeats) {
        return new BeatCountRule(sustainedMinBeats);
    }

    /** @return the default rule, {@code beats(5)}: 5 or more beats sustained, 3–4 unsustained */
    static ClassificationRule defaultRule() {
        return new BeatCountRule(5);
    }

    /**
     * SCATS clonus by duration: grade 1 (under 3 s) is unsustained; grades 2 and 3 (3 s or longer) are
     * sustained. Every episode reports its SCATS grade whatever the rule.
     *
     * @return the rule
     */
    static ClassificationRule scats() {
        return DurationRule.SCATS;
    }

    /**
     * Modified Tardieu Scale, quality of muscle reaction: fatigable clonus (under 10 s, grade 4) is
     * unsustained, infatigable clonus (10 s or longer, grade 5) sustained.
     *
     * @return the rule
     */
    static ClassificationRule tardieu() {
        return DurationRule.TARDIEU;
    }

    /**
     * Parses {@code beats:N}, {@code scats} or {@code tardieu} (case-insensitive).
     *
     * @param text the rule text
     * @return the rule
     * @throws IllegalArgumentException naming what is accepted when the text is none of these
     */
    static ClassificationRule parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("scats")) {
            return scats();
        }
        if (t.equals("tardieu")) {
            return tardieu();
        }
        if (t.startsWith("beats:")) {
            String n = t.substring("beats:".length());
            try {
                return beats(Integer.parseInt(n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rule 'beats:N' needs a whole number N, got '" + n + "'");
            }
        }
        throw new IllegalArgumentException("unknown classification rule '" + text
                + "': use beats:N (for example beats:5), scats or tardieu");
    }
}

/** Beat-count rule; see {@link ClassificationRule#beats(int)}. */
record BeatCountRule(int sustainedMinBeats) implements ClassificationRule {
    BeatCountRule {
        if (sustainedMinBeats < 2) {
            throw new IllegalArgumentException("beats from which clonus is sustained must be at least 2, got "
                    + sustainedMinBeats);
        }
    }

    @Override
    public Classification classify(int beatCount, double durationS) {
        return beatCount >= sustainedMinBeats ? Classification.SUSTAINED : Classification.UNSUSTAINED;
    }

    @Override
    public String id() {
        return "beats:" + sustainedMinBeats;
    }

    @Override
    public String describe() {
        return "An episode of " + sustainedMinBeats + " or more beats was classified as sustained clonus and a"
                + " shorter one as unsustained.";
    }
}

/** Duration rules; see {@link ClassificationRule#scats()} and {@link ClassificationRule#tardieu()}. */
enum DurationRule implements ClassificationRule {
    SCATS("scats", ScatsGrade.MODERATE_FROM_S,
            "Episodes were graded with the clonus item of the SCATS (Benz et al. 2005; 1: under 3 s, 2: 3-10 s,"
                    + " 3: over 10 s), grades 2 and 3 counting as sustained clonus."),
    TARDIEU("tardieu", 10.0,
            "Episodes lasting 10 s or longer were classified as sustained (infatigable) clonus and shorter ones"
                    + " as unsustained (fatigable) clonus, as in the Modified Tardieu Scale.");

    private final String id;
    private final double sustainedFromS;
    private final String description;

    DurationRule(String id, double sustainedFromS, String description) {
        this.id = id;
        this.sustainedFromS = sustainedFromS;
        this.description = description;
    }

    @Override
    public Classification classify(int beatCount, double durationS) {
        return durationS >= sustainedFromS ? Classification.SUSTAINED : Classification.UNSUSTAINED;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String describe() {
        return description;
    }
}
