package io.clonus.io.edf;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The parsed and validated header of an EDF/EDF+/BDF/BDF+ file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param format which variant the file is
 * @param patientId trimmed "local patient identification" field (EDF+: {@code code sex birthdate name ...})
 * @param recordingId trimmed "local recording identification" field (EDF+: {@code Startdate dd-MMM-yyyy ...})
 * @param start start date and time of the first data record, to the second (EDF has no finer
 *     field; in EDF+ the fraction of a second is the first record's time-keeping onset, see
 *     {@link EdfReader#recordStartS(long)}). For EDF+ the 4-digit year of the recording field is used.
 * @param headerBytes size of the header in bytes, {@code 256 * (signals().size() + 1)}
 * @param recordCount number of complete data records the reader uses (when the header says -1, or
 *     when a truncated file is read on purpose, this is derived from the file size; see
 *     {@link EdfReader#warnings()})
 * @param recordDurationS duration of one data record in seconds ({@code >= 0}; 0 only for annotation-only files)
 * @param signals all signals in header order, including annotation signals
 */
public record EdfHeader(EdfFormat format, String patientId, String recordingId, LocalDateTime start,
                        int headerBytes, long recordCount, double recordDurationS,
                        List<EdfSignalHeader> signals) {

    /** Copies the signal list so the record stays immutable. */
    public EdfHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(start, "start");
        signals = List.copyOf(signals);
    }

    /**
     * The ordinary (sampled) signals, i.e. all signals except annotation signals, in header order. In a
     * plain EDF/BDF file every signal counts as sampled, even one labelled "EDF Annotations" (the
     * reader warns about that case).
     */
    public List<EdfSignalHeader> dataSignals() {
        List<EdfSignalHeader> out = new ArrayList<>(signals.size());
        for (EdfSignalHeader s : signals) {
            if (!isAnnotationSignal(s)) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The annotation signals (EDF+/BDF+ only; empty for plain EDF/BDF). */
    public List<EdfSignalHeader> annotationSignals() {
        List<EdfSignalHeader> out = new ArrayList<>(1);
        for (EdfSignalHeader s : signals) {
            if (isAnnotationSignal(s)) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code true} if the file has annotation signals but no sampled signal. */
    public boolean isAnnotationOnly() {
        return dataSignals().isEmpty();
    }

    /**
     * Index (into {@link #signals()}) of the signal with this label: an exact match after trimming
     * wins, otherwise the first case-insensitive match; empty if none.
     */
    public OptionalInt signalIndex(String label) {
        if (label == null) {
            return OptionalInt.empty();
        }
        String wanted = label.trim();
        for (EdfSignalHeader s : signals) {
            if (s.label().equals(wanted)) {
                return OptionalInt.of(s.index());
            }
        }
        for (EdfSignalHeader s : signals) {
            if (s.label().equalsIgnoreCase(wanted)) {
                return OptionalInt.of(s.index());
            }
        }
        return OptionalInt.empty();
    }

    /** Sampling rate in Hz of the signal at this index; {@code NaN} if the record duration is 0. */
    public double sampleRateHz(int signalIndex) {
        return signal(signalIndex).sampleRateHz(recordDurationS);
    }

    /** Number of samples of this signal in the file: samples per record times {@link #recordCount()}. */
    public long samplesPerSignal(int signalIndex) {
        return signal(signalIndex).samplesPerRecord() * recordCount;
    }

    /**
     * Seconds of data in the file: {@code recordCount * recordDurationS}. For EDF+D/BDF+D this is the
     * recorded time without the gaps, not the span from first to last record.
     */
    public double durationS() {
        return recordCount * recordDurationS;
    }

    /** Bytes in one data record: the sum over signals of samples per record times bytes per sample. */
    public long recordBytes() {
        long n = 0;
        for (EdfSignalHeader s : signals) {
            n += (long) s.samplesPerRecord() * format.bytesPerSample();
        }
        return n;
    }

    /** The signal at this index (from 0, as in {@link EdfSignalHeader#index()}). */
    public EdfSignalHeader signal(int signalIndex) {
        if (signalIndex < 0 || signalIndex >= signals.size()) {
            throw new IndexOutOfBoundsException("signal index " + signalIndex + " outside 0.." + (signals.size() - 1));
        }
        return signals.get(signalIndex);
    }

    // Only plus files have annotation signals; a plain EDF signal that happens to carry the label is data.
    private boolean isAnnotationSignal(EdfSignalHeader s) {
        return format.isPlus() && s.isAnnotation();
    }
}
