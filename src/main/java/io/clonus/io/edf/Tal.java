package io.clonus.io.edf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Time-stamped annotation lists (TALs) as stored in the EDF+ annotation signal:
 * {@code +Onset[0x15 Duration]0x14 Text 0x14 [Text 0x14 ...] 0x00}. Consecutive TALs follow each
 * other directly; the rest of the signal's bytes in the record are 0x00.
 */
final class Tal {
    static final byte ONSET_END_DURATION = 0x15;
    static final byte SEPARATOR = 0x14;

    /** One parsed TAL. {@code durationS} is NaN when the TAL has no duration field. */
    record Entry(String onsetText, double onsetS, double durationS, List<String> texts) {
        boolean isTimeKeeping() {
            return !texts.isEmpty() && texts.get(0).isEmpty();
        }
    }

    /** A syntax error, with the byte position inside the annotation signal's bytes of one record. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final int position;

        SyntaxException(int position, String message) {
            super(message);
            this.position = position;
        }
    }

    private Tal() {
    }

    /**
     * Parses all TALs in {@code buf[off, off+len)}; stops at the first 0x00 where a TAL would start.
     * Entries go to {@code out}; returns {@code true} if non-zero bytes follow that point (they are
     * not TALs the specification allows, since TALs must follow each other without gaps). Empty texts
     * are kept only as a TAL's first text (which marks a time-keeping TAL), so that a run of 0x14 bytes
     * costs no memory.
     *
     * @param maxTexts most non-empty texts to accept; one more is a {@link SyntaxException}
     */
    static boolean parse(byte[] buf, int off, int len, List<Entry> out, int maxTexts) throws SyntaxException {
        int texts = 0;
        int p = off;
        int end = off + len;
        while (p < end && buf[p] != 0) {
            int talStart = p;
            // onset: up to 0x15 or 0x14
            int q = p;
            while (q < end && buf[q] != ONSET_END_DURATION && buf[q] != SEPARATOR && buf[q] != 0) {
                q++;
            }
            if (q >= end || buf[q] == 0) {
                throw new SyntaxException(talStart - off, "TAL '" + printable(buf, talStart, q)
                        + "' has no 0x14 byte after its onset");
            }
            String onset = ascii(buf, p, q);
            String shown = printable(buf, p, q); // for messages: at most 40 characters
            if (!EdfNumbers.isOnset(onset)) {
                throw new SyntaxException(talStart - off, "TAL onset '" + printable(buf, p, q)
                        + "' is not a signed number such as +12.5");
            }
            // the same correctly rounded value as BigDecimal's, in time linear in the length
            double onsetS = Double.parseDouble(onset);
            if (!(Math.abs(onsetS) <= EdfLimits.MAX_TIME_S)) {
                throw new SyntaxException(talStart - off, "TAL onset '" + printable(buf, p, q) + "' is more than "
                        + EdfNumbers.seconds(EdfLimits.MAX_TIME_S) + " s from the start, not a plausible time");
            }
            double durationS = Double.NaN;
            if (buf[q] == ONSET_END_DURATION) {
                int d = q + 1;
                int e = d;
                while (e < end && buf[e] != SEPARATOR && buf[e] != 0 && buf[e] != ONSET_END_DURATION) {
                    e++;
                }
                if (e >= end || buf[e] != SEPARATOR) {
                    throw new SyntaxException(d - off, "TAL duration after onset " + shown
                            + " is not followed by a 0x14 byte");
                }
                String dur = ascii(buf, d, e);
                if (!EdfNumbers.isDuration(dur)) {
                    throw new SyntaxException(d - off, "TAL duration '" + printable(buf, d, e)
                            + "' after onset " + shown + " is not an unsigned number such as 1.5");
                }
                durationS = Double.parseDouble(dur);
                if (!(durationS <= EdfLimits.MAX_TIME_S)) {
                    throw new SyntaxException(d - off, "TAL duration '" + printable(buf, d, e) + "' after onset "
                            + shown + " is more than " + EdfNumbers.seconds(EdfLimits.MAX_TIME_S)
                            + " s, not a plausible duration");
                }
                q = e;
            }
            // q is at the 0x14 closing onset[/duration]; then texts, each closed by 0x14, then 0x00
            p = q + 1;
            List<String> tal = new ArrayList<>(1);
            while (true) {
                if (p >= end) {
                    throw new SyntaxException(talStart - off, "TAL at onset " + shown
                            + " runs to the end of the annotation signal without its closing 0x00 byte");
                }
                if (buf[p] == 0) {
                    p++;
                    break;
                }
                int t = p;
                while (t < end && buf[t] != SEPARATOR && buf[t] != 0) {
                    t++;
                }
                if (t >= end || buf[t] != SEPARATOR) {
                    throw new SyntaxException(p - off, "annotation text at onset " + shown
                            + " is not closed by a 0x14 byte");
                }
                if (t > p) {
                    if (++texts > maxTexts) {
                        throw new SyntaxException(p - off, "more than " + EdfLimits.MAX_ANNOTATIONS
                                + " annotations in the file, more than are plausible");
                    }
                    tal.add(utf8(buf, p, t));
                } else if (tal.isEmpty()) {
                    tal.add("");
                }
                p = t + 1;
            }
            out.add(new Entry(onset, onsetS, durationS, tal));
        }
        for (int i = p; i < end; i++) {
            if (buf[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Appends the time-keeping TAL {@code +onset 0x14 0x14 0x00}. */
    static void writeTimeKeeping(ByteArrayOutputStream out, String onset) {
        writeAscii(out, onset);
        out.write(SEPARATOR);
        out.write(SEPARATOR);
        out.write(0);
    }

    /** Appends one annotation TAL; {@code duration} may be {@code null} for none. */
    static void writeAnnotation(ByteArrayOutputStream out, String onset, String duration, byte[] textUtf8) {
        writeAscii(out, onset);
        if (duration != null) {
            out.write(ONSET_END_DURATION);
            writeAscii(out, duration);
        }
        out.write(SEPARATOR);
        out.write(textUtf8, 0, textUtf8.length);
        out.write(SEPARATOR);
        out.write(0);
    }

    /** Bytes {@link #writeAnnotation} will append. */
    static int annotationLength(String onset, String duration, byte[] textUtf8) {
        return onset.length() + (duration == null ? 0 : 1 + duration.length()) + textUtf8.length + 3;
    }

    /** Bytes {@link #writeTimeKeeping} will append. */
    static int timeKeepingLength(String onset) {
        return onset.length() + 3;
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static String utf8(byte[] b, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            // some old writers store Latin-1; every byte sequence is valid Latin-1
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    /** For messages: the bytes as text with control bytes shown as \xNN, at most 40 characters. */
    static String printable(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to && sb.length() < 40; i++) {
            int c = b[i] & 0xff;
            if (c >= 32 && c < 127) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.toString();
    }
}
