package io.clonus.io.edf;

/**
 * The six on-disk variants this package reads and writes.
 *
 * <p>EDF and BDF differ only in the sample width (16-bit versus 24-bit little-endian two's
 * complement) and in the version field ({@code "0"} versus byte {@code 0xFF} followed by
 * {@code "BIOSEMI"}). The "plus" variants add an annotation signal carrying time-stamped annotation
 * lists (TALs) and record time-keeping; they are marked by the reserved header field starting with
 * {@code EDF+C}/{@code EDF+D} (or {@code BDF+C}/{@code BDF+D}). The {@code _DISCONTINUOUS}
 * variants may have gaps between data records.
 *
 * <p>Immutable and thread-safe.
 */
public enum EdfFormat {
    /** Original 1992 EDF: 16-bit samples, always continuous, no annotations. */
    EDF,
    /** EDF+ with contiguous data records ({@code EDF+C}). */
    EDF_PLUS_CONTINUOUS,
    /** EDF+ whose data records may be separated by gaps ({@code EDF+D}). */
    EDF_PLUS_DISCONTINUOUS,
    /** BioSemi BDF: 24-bit samples, always continuous. */
    BDF,
    /** BDF+ with contiguous data records ({@code BDF+C}). */
    BDF_PLUS_CONTINUOUS,
    /** BDF+ whose data records may be separated by gaps ({@code BDF+D}). */
    BDF_PLUS_DISCONTINUOUS;

    /** {@code true} for EDF+ and BDF+ (annotation signal and record time-keeping present). */
    public boolean isPlus() {
        return this != EDF && this != BDF;
    }

    /** {@code true} for the 24-bit BioSemi variants. */
    public boolean isBdf() {
        return this == BDF || this == BDF_PLUS_CONTINUOUS || this == BDF_PLUS_DISCONTINUOUS;
    }

    /** {@code true} for EDF+D and BDF+D, whose data records may have gaps between them. */
    public boolean isDiscontinuous() {
        return this == EDF_PLUS_DISCONTINUOUS || this == BDF_PLUS_DISCONTINUOUS;
    }

    /** Bytes per stored sample: 2 for EDF variants, 3 for BDF variants. */
    public int bytesPerSample() {
        return isBdf() ? 3 : 2;
    }

    /** Smallest digital value a sample can hold: -32768 (EDF) or -8388608 (BDF). */
    public long digitalFloor() {
        return isBdf() ? -8_388_608L : -32_768L;
    }

    /** Largest digital value a sample can hold: 32767 (EDF) or 8388607 (BDF). */
    public long digitalCeiling() {
        return isBdf() ? 8_388_607L : 32_767L;
    }

    /** Label of the annotation signal in this format: {@code "EDF Annotations"} or {@code "BDF Annotations"}. */
    public String annotationLabel() {
        return isBdf() ? "BDF Annotations" : "EDF Annotations";
    }

    /**
     * Text the 44-byte reserved header field starts with: {@code "EDF+C"}, {@code "EDF+D"},
     * {@code "BDF+C"}, {@code "BDF+D"}, {@code "24BIT"} for plain BDF (BioSemi's convention) and the
     * empty string for plain EDF.
     */
    public String reservedField() {
        switch (this) {
            case EDF_PLUS_CONTINUOUS: return "EDF+C";
            case EDF_PLUS_DISCONTINUOUS: return "EDF+D";
            case BDF: return "24BIT";
            case BDF_PLUS_CONTINUOUS: return "BDF+C";
            case BDF_PLUS_DISCONTINUOUS: return "BDF+D";
            default: return "";
        }
    }

    /** The same family (EDF or BDF, plain or plus) with the continuity flag changed; plain formats are returned unchanged. */
    EdfFormat withDiscontinuous(boolean discontinuous) {
        if (!isPlus()) {
            return this;
        }
        if (isBdf()) {
            return discontinuous ? BDF_PLUS_DISCONTINUOUS : BDF_PLUS_CONTINUOUS;
        }
        return discontinuous ? EDF_PLUS_DISCONTINUOUS : EDF_PLUS_CONTINUOUS;
    }

    /** Human-readable name as used in the specifications, e.g. {@code "EDF+D"}. */
    public String displayName() {
        switch (this) {
            case EDF: return "EDF";
            case BDF: return "BDF";
            default: return reservedField();
        }
    }
}
