package dev.mlledger.adapters.web.paging;

import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.search.RunPosition;
import dev.mlledger.domain.experiment.search.SortValue;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.validation.InvalidInput;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque page cursors: a position in a list plus a fingerprint of the query it belongs to, signed with
 * HMAC-SHA256. A cursor that was altered, is garbage, or is used with another query's filters is rejected.
 */
@Singleton
public class CursorCodec {

    public static final String FIELD = "cursor";
    private static final byte VERSION = 1;
    private static final byte KEYSET = 1;
    private static final byte METRIC_KEY = 2;
    private static final byte RUN_POSITION = 3;
    private static final int HEADER_BYTES = 1 + 1 + 8;   // version, kind, query fingerprint
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public CursorCodec(@Value("${mlledger.cursor.secret:mlledger-default-cursor-secret}") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** @param query what the list was asked for (path and filters), so the cursor only works for it */
    public String encode(Keyset position, String query) {
        ByteBuffer body = ByteBuffer.allocate(8 + 4 + 16)
                .putLong(position.createdAt().getEpochSecond())
                .putInt(position.createdAt().getNano())
                .putLong(position.id().getMostSignificantBits())
                .putLong(position.id().getLeastSignificantBits());
        return seal(KEYSET, body.array(), query);
    }

    /** @return the position, or null when {@code cursor} is null (the first page) */
    public Keyset decode(String cursor, String query) {
        ByteBuffer body = open(cursor, KEYSET, query);
        if (body == null) {
            return null;
        }
        try {
            Instant createdAt = Instant.ofEpochSecond(body.getLong(), body.getInt());
            return new Keyset(createdAt, new UUID(body.getLong(), body.getLong()));
        } catch (BufferUnderflowException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    public String encodeMetric(MetricKey position, String query) {
        byte[] name = position.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(4 + name.length + 8).putInt(name.length).put(name).putLong(position.step());
        return seal(METRIC_KEY, body.array(), query);
    }

    public MetricKey decodeMetric(String cursor, String query) {
        ByteBuffer body = open(cursor, METRIC_KEY, query);
        if (body == null) {
            return null;
        }
        try {
            byte[] name = new byte[body.getInt()];
            body.get(name);
            return new MetricKey(new String(name, StandardCharsets.UTF_8), body.getLong());
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw invalid();
        }
    }

    private String seal(byte kind, byte[] position, String query) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + position.length + MAC_BYTES);
        buffer.put(VERSION).put(kind).putLong(fingerprint(query)).put(position);
        buffer.put(mac(buffer.array(), HEADER_BYTES + position.length));
        return ENCODER.encodeToString(buffer.array());
    }

    private ByteBuffer open(String cursor, byte kind, String query) {
        if (cursor == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int signed = bytes.length - MAC_BYTES;
        // the last character of a cursor carries unused bits the decoder ignores: only the issued spelling counts
        if (signed < HEADER_BYTES || bytes[0] != VERSION || bytes[1] != kind
                || !ENCODER.encodeToString(bytes).equals(cursor)
                || !MessageDigest.isEqual(mac(bytes, signed), Arrays.copyOfRange(bytes, signed, bytes.length))) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 2, signed - 2);
        if (buffer.getLong() != fingerprint(query)) {
            throw new InvalidInput(FIELD, "belongs to a different query; repeat the query's filters unchanged");
        }
        return buffer.slice();
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static long fingerprint(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static InvalidInput invalid() {
        return new InvalidInput(FIELD, "is not a cursor this service issued");
    }

    /** A run search's position: each order key's value (or its absence), then the run's start and id. */
    public String encodeRun(RunPosition position, String query) {
        List<byte[]> texts = new ArrayList<>();
        int size = 1;
        for (SortValue value : position.values()) {
            size += 1 + switch (value) {
                case SortValue.Missing ignored -> 0;
                case SortValue.Number ignored -> 8;
                case SortValue.Time ignored -> 12;
                case SortValue.Text(String text) -> {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    texts.add(bytes);
                    yield 4 + bytes.length;
                }
            };
        }
        ByteBuffer body = ByteBuffer.allocate(size + 12 + 16).put((byte) position.values().size());
        int text = 0;
        for (SortValue value : position.values()) {
            switch (value) {
                case SortValue.Missing ignored -> body.put((byte) 0);
                case SortValue.Number(double number) -> body.put((byte) 1).putDouble(number);
                case SortValue.Text ignored -> {
                    byte[] bytes = texts.get(text++);
                    body.put((byte) 2).putInt(bytes.length).put(bytes);
                }
                case SortValue.Time(Instant time) -> body.put((byte) 3).putLong(time.getEpochSecond()).putInt(time.getNano());
            }
        }
        body.putLong(position.startedAt().getEpochSecond()).putInt(position.startedAt().getNano())
                .putLong(position.runId().getMostSignificantBits()).putLong(position.runId().getLeastSignificantBits());
        return seal(RUN_POSITION, body.array(), query);
    }

    /** @return the position, or null when {@code cursor} is null (the first page) */
    public RunPosition decodeRun(String cursor, String query) {
        ByteBuffer body = open(cursor, RUN_POSITION, query);
        if (body == null) {
            return null;
        }
        try {
            int count = body.get() & 0xFF;
            List<SortValue> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(switch (body.get()) {
                    case 0 -> SortValue.MISSING;
                    case 1 -> new SortValue.Number(body.getDouble());
                    case 2 -> {
                        byte[] bytes = new byte[body.getInt()];
                        body.get(bytes);
                        yield new SortValue.Text(new String(bytes, StandardCharsets.UTF_8));
                    }
                    case 3 -> new SortValue.Time(Instant.ofEpochSecond(body.getLong(), body.getInt()));
                    default -> throw invalid();
                });
            }
            Instant startedAt = Instant.ofEpochSecond(body.getLong(), body.getInt());
            return new RunPosition(values, startedAt, new UUID(body.getLong(), body.getLong()));
        } catch (BufferUnderflowException | NegativeArraySizeException | java.time.DateTimeException e) {
            throw invalid();
        }
    }
}
