package io.clonus.io.edf;

/**
 * The limits {@link EdfReader} checks a header against before it allocates anything sized by it, each
 * with the reason it was chosen. A file outside them is refused with an {@link EdfFormatException} naming
 * the header field, its value and the limit.
 *
 * <p>Besides these plausibility limits, every size the header declares is checked against the file's
 * actual length before it is used: the signal headers ({@code 256 × (ns + 1)} bytes) must be present
 * before they are read, and {@code header bytes + records × record bytes} must not exceed the file length.
 * A file shorter than that is refused ({@link EdfReader.TruncationPolicy#REFUSE}, the default) or read up
 * to its last complete record ({@link EdfReader.TruncationPolicy#READ_COMPLETE_RECORDS}); bytes after the
 * last declared record are ignored with a warning. A record count of {@code -1}, which the EDF+
 * specification allows only while a file is still being recorded ("as soon as the file is closed, the
 * correct number is known and must be entered"), is replaced by the number of complete records the file
 * holds, and an incomplete last record (the one being written) is ignored, with a warning.
 *
 * <p>The read buffer does not depend on the header at all: samples are read in pieces of at most
 * {@link #READ_CHUNK_BYTES}.
 */
public final class EdfLimits {

    /**
     * Most signals a file can have: 9,999, the largest number the 4-character "number of signals" field
     * holds. It is not lowered: the header of so many signals is 2.56 MB and is read once, after the file
     * has been checked to be at least that long.
     */
    public static final int MAX_SIGNALS = 9_999;

    /**
     * Most data records: 99,999,999, the largest number the 8-character "number of data records" field
     * holds. It matters when the field is {@code -1} and the count comes from the file size: a file with
     * more records than the field could ever declare is refused rather than described by a count no EDF
     * writer could have written.
     */
    public static final long MAX_RECORDS = 99_999_999L;

    /**
     * Most bytes in one data record (all signals together): 2 GiB − 1, the range of a Java {@code int}.
     * The EDF specification recommends at most 61,440; a BioSemi ActiveTwo at full size (256 + 8 channels at
     * 16 kHz, 1-s records) writes 13 MB. Records are never read whole into memory (samples are read in
     * pieces of {@link #READ_CHUNK_BYTES}), so this only keeps record arithmetic within {@code int}; the
     * check that binds in practice is the file's length.
     */
    public static final long MAX_RECORD_BYTES = Integer.MAX_VALUE;

    /**
     * Highest sample rate, samples per record divided by the record duration: 1 MHz, the limit the
     * delimited-text reader ({@link io.clonus.io.TimeColumn#MAX_RATE_HZ}) and the command line's {@code --fs}
     * use too. Surface EMG is recorded at up to a few kHz (BioSemi ActiveTwo: 16 kHz), needle EMG at up to
     * about 100 kHz; a higher rate means a damaged "number of samples" or "duration of a data record" field
     * (for example 99,999,999 samples in a 1-s record). Annotation signals are not sampled and not checked.
     */
    public static final double MAX_SAMPLE_RATE_HZ = 1_000_000.0;

    /**
     * Largest time, in seconds, the reader accepts for a record duration, for the span of all records, and
     * for a TAL onset (its magnitude) or duration: 10<sup>10</sup> s, about 317 years. EDF's start date
     * covers 1985–2084, so no real recording comes near it; larger values (such as {@code +1e400} written out
     * in digits, which is infinite as a double) are damaged fields. Within it, a double still resolves
     * 2 µs, and sums of times cannot overflow.
     */
    public static final double MAX_TIME_S = 1e10;

    /**
     * Most bytes of one annotation signal in one data record: 16 MiB. Writers reserve tens to a few
     * hundred bytes per record ({@link EdfWriter}'s streaming writer: 120); even an annotation-only file that
     * keeps 100,000 annotations in one record needs under 10 MB. The reader holds one record's annotation
     * bytes at a time, so this bounds that buffer.
     */
    public static final int MAX_ANNOTATION_BYTES_PER_RECORD = 16 << 20;

    /**
     * Most annotations (non-empty texts of TALs) in one file: 2,000,000. They are all kept in memory (about
     * 100 bytes each, so 200 MB at most); a stimulus marker every 100 ms for 24 hours is 864,000.
     */
    public static final int MAX_ANNOTATIONS = 2_000_000;

    /**
     * Fewest bytes the first annotation signal of an EDF+/BDF+ record must have: 5, the length of the
     * shortest time-keeping TAL {@code +0 0x14 0x14 0x00}, which every record must begin with. A smaller
     * annotation signal cannot be valid EDF+.
     */
    public static final int MIN_TIME_KEEPING_BYTES = 5;

    /**
     * Bytes of samples read at a time: 64 KiB. The reader's only buffer for samples; a record with more
     * samples of one signal is read in several pieces.
     */
    public static final int READ_CHUNK_BYTES = 64 << 10;

    private EdfLimits() {
    }
}
