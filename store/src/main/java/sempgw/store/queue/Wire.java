package sempgw.store.queue;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The binary primitives of the queue's encrypted records: big-endian integers, length-prefixed
 * UTF-8 strings and octet strings, optionals as a presence octet, instants as seconds and nanos,
 * enums by name (so reordering an enum never changes what a stored record means).
 */
final class Wire {
    static final int MAX_FIELD = 1 << 20;

    private Wire() {
    }

    /** Writes records into a growing array. */
    static final class Out {
        private byte[] buf = new byte[256];
        private int size;

        Out u8(int v) {
            ensure(1);
            buf[size++] = (byte) v;
            return this;
        }

        Out i32(int v) {
            ensure(4);
            ByteBuffer.wrap(buf, size, 4).putInt(v);
            size += 4;
            return this;
        }

        Out i64(long v) {
            ensure(8);
            ByteBuffer.wrap(buf, size, 8).putLong(v);
            size += 8;
            return this;
        }

        Out bool(boolean v) {
            return u8(v ? 1 : 0);
        }

        Out octets(byte[] v) {
            i32(v.length);
            ensure(v.length);
            System.arraycopy(v, 0, buf, size, v.length);
            size += v.length;
            return this;
        }

        Out string(String v) {
            return octets(v.getBytes(StandardCharsets.UTF_8));
        }

        Out optString(Optional<String> v) {
            bool(v.isPresent());
            v.ifPresent(this::string);
            return this;
        }

        Out instant(Instant v) {
            return i64(v.getEpochSecond()).i32(v.getNano());
        }

        Out name(Enum<?> v) {
            return string(v.name());
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }

    /** Reads records; any malformed input is a {@link CorruptEntryException}. */
    static final class In {
        private final ByteBuffer in;
        private final String what;

        In(byte[] data, String what) {
            this.in = ByteBuffer.wrap(data);
            this.what = what;
        }

        int u8() throws CorruptEntryException {
            try {
                return in.get() & 0xff;
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        int i32() throws CorruptEntryException {
            try {
                return in.getInt();
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        long i64() throws CorruptEntryException {
            try {
                return in.getLong();
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        boolean bool() throws CorruptEntryException {
            int v = u8();
            if (v > 1) {
                throw new CorruptEntryException(what + ": bad boolean");
            }
            return v == 1;
        }

        byte[] octets() throws CorruptEntryException {
            int length = i32();
            if (length < 0 || length > MAX_FIELD || length > in.remaining()) {
                throw new CorruptEntryException(what + ": bad field length");
            }
            byte[] v = new byte[length];
            in.get(v);
            return v;
        }

        String string() throws CorruptEntryException {
            return new String(octets(), StandardCharsets.UTF_8);
        }

        Optional<String> optString() throws CorruptEntryException {
            return bool() ? Optional.of(string()) : Optional.empty();
        }

        Instant instant() throws CorruptEntryException {
            long seconds = i64();
            int nanos = i32();
            try {
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (DateTimeException | ArithmeticException e) {
                throw new CorruptEntryException(what + ": bad instant");
            }
        }

        <E extends Enum<E>> E name(Class<E> type) throws CorruptEntryException {
            String name = string();
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw new CorruptEntryException(what + ": unknown " + type.getSimpleName());
            }
        }

        void end() throws CorruptEntryException {
            if (in.hasRemaining()) {
                throw new CorruptEntryException(what + ": trailing data");
            }
        }

        private CorruptEntryException truncated() {
            return new CorruptEntryException(what + ": truncated");
        }
    }
}
