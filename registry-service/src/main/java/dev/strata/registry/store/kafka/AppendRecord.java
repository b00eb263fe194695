package dev.strata.registry.store.kafka;

import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.RegistryEvents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One append as a record's value: who wrote it (to find it when read back), the subject's version it
 * expects, and the events in their canonical form. The subject is the record's key.
 */
record AppendRecord(String writer, long expectedVersion, List<RegistryEvent> events) {

    private static final int FORMAT = 1;

    AppendRecord {
        events = List.copyOf(events);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(writer);
            out.writeLong(expectedVersion);
            out.writeInt(events.size());
            for (RegistryEvent e : events) {
                out.writeUTF(e.type());
                byte[] payload = e.payload().getBytes(StandardCharsets.UTF_8);
                out.writeInt(payload.length);
                out.write(payload);
            }
        } catch (IOException e) {
            throw new IllegalStateException("encoding an append: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for a value this store did not write */
    static AppendRecord decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            int format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown record format " + format);
            }
            String writer = in.readUTF();
            long expected = in.readLong();
            int n = in.readInt();
            if (n < 1 || n > 10_000) {
                throw new IllegalArgumentException("an append of " + n + " events");
            }
            List<RegistryEvent> events = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String type = in.readUTF();
                byte[] payload = in.readNBytes(in.readInt());
                events.add(RegistryEvents.parse(type, new String(payload, StandardCharsets.UTF_8)));
            }
            return new AppendRecord(writer, expected, events);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("a record the store cannot read: " + e.getMessage(), e);
        }
    }
}
