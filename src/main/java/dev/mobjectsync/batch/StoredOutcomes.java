package dev.mobjectsync.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.Success;

/**
 * The outcomes of an answered call as the checkpoints keep them: a compact, versioned binary form, written
 * field by field (a call's worth in one pass, no reflection). It replaced Java serialization, which the
 * profile of the SOAP pipeline showed on every call's path (BENCHMARKS.md, step 6); rows written in that
 * older form (a stream starting with Java's magic number) are still read, with the repository's
 * deserialization filter.
 */
final class StoredOutcomes {

    private static final byte VERSION = 1;
    private static final byte SUCCESS = 'S';
    private static final byte FAILURE = 'F';
    /** Strings up to this many bytes are written once per call, then referred to. */
    private static final int SHARED_MAX = 128;
    /** The first byte of a Java serialization stream (0xACED): a row of the older form. */
    private static final byte JAVA_SERIALIZATION = (byte) 0xAC;
    private static final ObjectInputFilter OUTCOMES_ONLY = ObjectInputFilter.Config
            .createFilter(BatchRepositoryProducer.DESERIALIZATION_FILTER);

    private StoredOutcomes() {
    }

    static byte[] encode(List<RecordOutcome> outcomes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(outcomes.size() * 320);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(outcomes.size());
            Map<String, Integer> seen = new HashMap<>();
            for (RecordOutcome outcome : outcomes) {
                write(out, outcome, seen);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<RecordOutcome> decode(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == JAVA_SERIALIZATION) {
            return legacy(bytes);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("stored outcomes of an unknown form (version " + version + ")");
            }
            int count = in.readInt();
            if (count < 0 || count > bytes.length) {
                throw new IllegalStateException("stored outcomes that say they hold " + count + " outcomes in "
                        + bytes.length + " bytes");
            }
            List<RecordOutcome> outcomes = new ArrayList<>(count);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                outcomes.add(read(in, seen));
            }
            return outcomes;
        } catch (IOException e) {
            throw new IllegalStateException("a stored outcome cannot be read: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, RecordOutcome outcome, Map<String, Integer> seen)
            throws IOException {
        string(out, outcome.recordJson(), seen);
        string(out, outcome.unparsedText(), seen);
        SourceRef source = outcome.source();
        out.writeBoolean(source != null);
        if (source != null) {
            string(out, source.channel(), seen);
            string(out, source.ref(), seen);
        }
        string(out, outcome.marketoKey(), seen);
        string(out, outcome.recordId(), seen);
        if (outcome.success() != null) {
            Success success = outcome.success();
            out.writeByte(SUCCESS);
            string(out, success.status(), seen);
            out.writeBoolean(success.marketoId() != null);
            if (success.marketoId() != null) {
                out.writeInt(success.marketoId());
            }
            string(out, success.marketoGuid(), seen);
            string(out, success.batchId(), seen);
            instant(out, success.syncedAt());
        } else {
            Failure failure = outcome.failure();
            out.writeByte(FAILURE);
            string(out, failure.stage() == null ? null : failure.stage().name(), seen);
            string(out, failure.status(), seen);
            string(out, failure.code(), seen);
            string(out, failure.message(), seen);
            string(out, failure.batchId(), seen);
            out.writeInt(failure.attempts());
            instant(out, failure.failedAt());
        }
    }

    private static RecordOutcome read(DataInputStream in, List<String> seen) throws IOException {
        String recordJson = string(in, seen);
        String unparsedText = string(in, seen);
        SourceRef source = in.readBoolean() ? new SourceRef(string(in, seen), string(in, seen)) : null;
        String marketoKey = string(in, seen);
        String recordId = string(in, seen);
        byte kind = in.readByte();
        if (kind == SUCCESS) {
            String status = string(in, seen);
            Integer marketoId = in.readBoolean() ? in.readInt() : null;
            Success success = new Success(status, marketoId, string(in, seen), string(in, seen), instant(in));
            return new RecordOutcome(recordJson, unparsedText, source, marketoKey, recordId, success, null);
        }
        if (kind != FAILURE) {
            throw new IOException("an outcome is neither a success nor a failure (" + kind + ")");
        }
        String stage = string(in, seen);
        Failure failure = new Failure(stage == null ? null : Stage.valueOf(stage), string(in, seen), string(in, seen),
                string(in, seen),
                string(in, seen), in.readInt(), instant(in));
        return new RecordOutcome(recordJson, unparsedText, source, marketoKey, recordId, null, failure);
    }

    /**
     * A string: a variable-length tag, then its UTF-8 bytes the first time; a string seen before in the same
     * call (a batch id, a status, a channel; at most {@value #SHARED_MAX} bytes) is a reference to it. Tag 0: null; odd: a new string of
     * {@code tag >> 1} bytes; even: the {@code (tag >> 1) - 1}th string of the call.
     */
    private static void string(DataOutputStream out, String value, Map<String, Integer> seen) throws IOException {
        if (value == null) {
            varint(out, 0);
            return;
        }
        Integer earlier = seen.get(value);
        if (earlier != null) {
            varint(out, (earlier + 1) << 1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= SHARED_MAX) {
            seen.put(value, seen.size());
        }
        varint(out, ((long) utf8.length << 1) | 1);
        out.write(utf8);
    }

    private static String string(DataInputStream in, List<String> seen) throws IOException {
        long tag = varint(in);
        if (tag == 0) {
            return null;
        }
        if ((tag & 1) == 0) {
            int index = (int) (tag >> 1) - 1;
            if (index >= seen.size()) {
                throw new IOException("a reference to string " + index + " of " + seen.size());
            }
            return seen.get(index);
        }
        byte[] utf8 = new byte[Math.toIntExact(tag >> 1)];
        in.readFully(utf8);
        String value = new String(utf8, StandardCharsets.UTF_8);
        if (utf8.length <= SHARED_MAX) {
            seen.add(value);
        }
        return value;
    }

    private static void varint(DataOutputStream out, long value) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    private static long varint(DataInputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("a length longer than 64 bits");
    }

    private static void instant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    @SuppressWarnings("unchecked")
    private static List<RecordOutcome> legacy(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(OUTCOMES_ONLY);
            return (List<RecordOutcome>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a stored outcome cannot be read: " + e.getMessage(), e);
        }
    }
}
