package dev.mlledger.adapters.web.paging;

import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.validation.InvalidInput;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque page cursors: a keyset position plus a fingerprint of the query it belongs to, signed with
 * HMAC-SHA256. A cursor that was altered, is garbage, or is used with another query's filters is rejected.
 */
@Singleton
public class CursorCodec {

    public static final String FIELD = "cursor";
    private static final byte VERSION = 1;
    private static final int POSITION_BYTES = 1 + 8 + 4 + 16 + 8;   // version, seconds, nanos, id, query fingerprint
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public CursorCodec(@Value("${mlledger.cursor.secret:mlledger-default-cursor-secret}") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** @param query what the list was asked for (path and filters), so the cursor only works for it */
    public String encode(Keyset position, String query) {
        ByteBuffer buffer = ByteBuffer.allocate(POSITION_BYTES + MAC_BYTES);
        buffer.put(VERSION)
                .putLong(position.createdAt().getEpochSecond())
                .putInt(position.createdAt().getNano())
                .putLong(position.id().getMostSignificantBits())
                .putLong(position.id().getLeastSignificantBits())
                .putLong(fingerprint(query));
        buffer.put(mac(buffer.array(), POSITION_BYTES));
        return ENCODER.encodeToString(buffer.array());
    }

    /** @return the position, or null when {@code cursor} is null (the first page) */
    public Keyset decode(String cursor, String query) {
        if (cursor == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // the last character of a cursor carries unused bits the decoder ignores: only the issued spelling counts
        if (bytes.length != POSITION_BYTES + MAC_BYTES || bytes[0] != VERSION
                || !ENCODER.encodeToString(bytes).equals(cursor)
                || !MessageDigest.isEqual(mac(bytes, POSITION_BYTES), Arrays.copyOfRange(bytes, POSITION_BYTES, bytes.length))) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, POSITION_BYTES - 1);
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        if (buffer.getLong() != fingerprint(query)) {
            throw new InvalidInput(FIELD, "belongs to a different query; repeat the query's filters unchanged");
        }
        return new Keyset(Instant.ofEpochSecond(seconds, nanos), id);
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
}
