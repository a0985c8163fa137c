package dev.treaty.evaluator.facts;

import dev.treaty.language.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads CSV (RFC 4180: commas, optional double quotes with {@code ""} for a quote, CRLF or LF) as
 * bytes: a row's fields are byte ranges, not Strings, so the hot path of a settlement allocates
 * only what it keeps. Repeated short values (parties, products, clouds, currencies) are decoded
 * once and then shared.
 */
final class CsvScanner implements AutoCloseable {

    static final int ROW_BYTES_MAX = Limits.CSV_ROW_BYTES_MAX;
    static final int FIELDS_MAX = Limits.CSV_FIELDS_MAX;

    /** A malformed row: the reader cannot go on. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    /** The bytes that end an unquoted field, or must not be in one. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        SPECIAL[','] = true;
        SPECIAL['\n'] = true;
        SPECIAL['\r'] = true;
        SPECIAL['"'] = true;
    }

    private final InputStream in;
    private byte[] buffer = new byte[1 << 20];
    private int position;
    private int limit;
    private boolean eof;
    private long consumed;                    // bytes before buffer[0]
    private long line;                        // the line the next row starts on
    private long rowLine;
    private long rowStart;

    private byte[] scratch = new byte[256];   // unescaped quoted fields
    private final byte[][] source = new byte[FIELDS_MAX][];
    private final int[] starts = new int[FIELDS_MAX];
    private final int[] ends = new int[FIELDS_MAX];
    private int fields;

    private final String[] interned = new String[4096];
    private final byte[][] internedBytes = new byte[4096][];
    private final long[] internedHash = new long[4096];
    /** The 64-bit hash of the field last read by {@link #string}: content hashes reuse it. */
    private long lastHash;

    CsvScanner(InputStream in) {
        this(in, 1);
    }

    /** Reads rows from {@code in}, numbering lines from {@code firstLine} (a part of a file read on its own). */
    CsvScanner(InputStream in, long firstLine) {
        this.in = in;
        this.line = firstLine;
    }

    long bytesRead() {
        return consumed + position;
    }

    /** The line the current row starts on (1-based). */
    long rowLine() {
        return rowLine;
    }

    /** Where the current row starts, in bytes from the start of the input. */
    long rowStart() {
        return rowStart;
    }

    /** The line the next row starts on. */
    long nextLine() {
        return line;
    }

    int fieldCount() {
        return fields;
    }

    /** Reads the next row; false at the end of the input. A blank line is a row of one empty field. */
    boolean next() throws IOException {
        if (position >= limit && !fill()) return false;
        rowLine = line;
        rowStart = consumed + position;
        fields = 0;
        int scratchUsed = 0;
        int at = position;
        while (true) {
            if (fields == FIELDS_MAX) throw new MalformedException("more than " + FIELDS_MAX + " fields");
            if (at >= limit) {
                at -= refill();
                if (at >= limit) {                                   // end of input: the last field ends here
                    addField(buffer, at, at);
                    position = at;
                    finishScratch();                                 // quoted fields before it point into the scratch
                    return true;
                }
            }
            if (buffer[at] == '"') {
                // A quoted field: copy it unescaped into the scratch array.
                int start = scratchUsed;
                at++;
                while (true) {
                    if (at >= limit) {
                        at -= refill();
                        if (at >= limit) throw new MalformedException("missing closing quote");
                    }
                    byte b = buffer[at];
                    if (b == '"') {
                        if (at + 1 >= limit) at -= refill();
                        if (at + 1 < limit && buffer[at + 1] == '"') {
                            scratchUsed = put(scratchUsed, (byte) '"');
                            at += 2;
                            continue;
                        }
                        at++;
                        break;
                    }
                    if (b == '\n') line++;
                    scratchUsed = put(scratchUsed, b);
                    at++;
                }
                addField(null, start, scratchUsed);
            } else {
                int start = at;
                while (true) {
                    // The hot loop: one table look-up a byte, no bounds work but at the buffer's end.
                    byte[] bytes = buffer;
                    int stop = limit;
                    while (at < stop && !SPECIAL[bytes[at] & 0xFF]) at++;
                    if (at < stop) {
                        if (bytes[at] == '"') throw new MalformedException("a quote inside an unquoted field");
                        break;
                    }
                    int shift = refill();
                    at -= shift;
                    start -= shift;
                    if (at >= limit) break;
                }
                int end = at;
                while (start < end && (buffer[start] == ' ' || buffer[start] == '\t')) start++;     // spaces around a value
                while (end > start && (buffer[end - 1] == ' ' || buffer[end - 1] == '\t')) end--;
                addField(buffer, start, end);
            }
            if (at >= limit) {
                at -= refill();
                if (at >= limit) {
                    position = limit;
                    finishScratch();
                    return true;
                }
            }
            byte separator = buffer[at];
            if (separator == ',') {
                at++;
                continue;
            }
            if (separator == '\r') {
                at++;
                if (at >= limit) at -= refill();
                if (at < limit && buffer[at] == '\n') at++;
            } else if (separator == '\n') {
                at++;
            } else {
                throw new MalformedException("unexpected character after a quoted field");
            }
            line++;
            position = at;
            finishScratch();
            return true;
        }
    }

    private int put(int used, byte b) {
        if (used == scratch.length) {
            if (used >= ROW_BYTES_MAX) throw new IllegalStateException("unreachable: rows are limited by the buffer");
            scratch = Arrays.copyOf(scratch, used * 2);
        }
        scratch[used] = b;
        return used + 1;
    }

    private void addField(byte[] from, int start, int end) {
        source[fields] = from;
        starts[fields] = start;
        ends[fields] = end;
        fields++;
    }

    /** Quoted fields point into the scratch array, which may have grown while the row was read. */
    private void finishScratch() {
        for (int i = 0; i < fields; i++) {
            if (source[i] == null) source[i] = scratch;
        }
    }

    /**
     * Makes room after what was read by moving the current row
     * to the start of the buffer, and reads more. Returns how far everything moved, which the
     * caller subtracts from its own positions even when nothing more could be read: its position
     * still at or past {@code limit} then means the end of the input.
     */
    private int refill() throws IOException {
        if (eof) return 0;
        int shift = position;
        if (shift > 0) {
            System.arraycopy(buffer, shift, buffer, 0, limit - shift);
            limit -= shift;
            consumed += shift;
            position = 0;
            for (int i = 0; i < fields; i++) {
                if (source[i] == buffer) {
                    starts[i] -= shift;
                    ends[i] -= shift;
                }
            }
        } else if (limit == buffer.length) {
            if (buffer.length >= ROW_BYTES_MAX) throw new MalformedException("a row longer than " + ROW_BYTES_MAX + " bytes");
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
            for (int i = 0; i < fields; i++) {
                if (source[i] != null && source[i] != scratch) source[i] = buffer;
            }
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read <= 0) eof = true;
        else limit += read;
        return shift;
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        consumed += position;
        position = 0;
        limit = 0;
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            eof = true;
            return false;
        }
        limit = read;
        return true;
    }

    boolean isEmpty(int field) {
        return field >= fields || starts[field] == ends[field];
    }

    /**
     * The field as a String; short values that repeat are decoded once and shared. A shared value
     * is found by a cheap key (its length and its first and last eight bytes, read as two longs)
     * and kept with its 64-bit hash, so a value seen before is neither decoded nor hashed again.
     */
    String string(int field) throws CharacterCodingException {
        if (field < 0 || field >= fields || starts[field] == ends[field]) {
            lastHash = 0;
            return "";
        }
        byte[] bytes = source[field];
        int start = starts[field];
        int length = ends[field] - start;
        if (length > 48) {
            lastHash = fnv(bytes, start, length);
            return decode(bytes, start, length);
        }
        long key = length >= 8
                ? (long) LONGS.get(bytes, start) * 0x9E3779B97F4A7C15L + (long) LONGS.get(bytes, start + length - 8) + length
                : shortKey(bytes, start, length);
        int slot = (int) ((key ^ (key >>> 29)) * 0xBF58476D1CE4E5B9L >>> 52);     // 12 bits: the table's 4,096 slots
        byte[] known = internedBytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, bytes, start, start + length)) {
            lastHash = internedHash[slot];
            return interned[slot];
        }
        long hash = fnv(bytes, start, length);
        lastHash = hash;
        String value = decode(bytes, start, length);
        internedBytes[slot] = Arrays.copyOfRange(bytes, start, start + length);
        internedHash[slot] = hash;
        interned[slot] = value;
        return value;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The bytes of a value shorter than eight, and its length, as one long. */
    private static long shortKey(byte[] bytes, int start, int length) {
        long key = length;
        for (int i = start; i < start + length; i++) key = key << 8 | (bytes[i] & 0xFF);
        return key;
    }

    /** The 64-bit FNV-1a hash of the bytes: what content hashes (which the store keeps) are made of. */
    private static long fnv(byte[] bytes, int start, int length) {
        long hash = 0xCBF29CE484222325L;
        for (int i = start; i < start + length; i++) hash = (hash ^ (bytes[i] & 0xFF)) * 0x100000001B3L;
        return hash;
    }

    /** The 64-bit hash of the field last read by {@link #string} (0 for an empty field). */
    long lastHash() {
        return lastHash;
    }

    /** The field as a String, never shared (ids). */
    String fresh(int field) throws CharacterCodingException {
        if (field < 0 || field >= fields) return "";
        return decode(source[field], starts[field], ends[field] - starts[field]);
    }

    private static String decode(byte[] bytes, int start, int length) throws CharacterCodingException {
        boolean ascii = true;
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, length)).toString();
    }

    byte[] bytes(int field) {
        return source[field];
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
