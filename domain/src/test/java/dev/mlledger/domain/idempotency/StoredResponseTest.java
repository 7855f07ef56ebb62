package dev.mlledger.domain.idempotency;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredResponseTest {

    @Test
    void a_response_is_equal_to_another_with_the_same_status_location_and_bytes_and_keeps_its_own_copy() {
        byte[] body = {1, 2, 3};
        StoredResponse response = new StoredResponse(201, "/x/1", body);
        body[0] = 9;
        response.body()[1] = 9;

        assertArrayEquals(new byte[]{1, 2, 3}, response.body());
        assertEquals(new StoredResponse(201, "/x/1", new byte[]{1, 2, 3}), response);
        assertEquals(new StoredResponse(201, "/x/1", new byte[]{1, 2, 3}).hashCode(), response.hashCode());
        assertNotEquals(new StoredResponse(200, "/x/1", new byte[]{1, 2, 3}), response);
        assertNotEquals(new StoredResponse(201, null, new byte[]{1, 2, 3}), response);
        assertNotEquals(new StoredResponse(201, "/x/1", new byte[]{1, 2}), response);
        assertEquals("StoredResponse[status=201, location=/x/1, body=3 bytes]", response.toString());
        assertThrows(NullPointerException.class, () -> new StoredResponse(200, null, null));
    }

    @Test
    void a_record_is_live_until_its_expiry_which_must_come_after_its_making() {
        Instant made = Instant.parse("2026-12-01T10:00:00Z");
        IdempotencyRecord record = new IdempotencyRecord(new IdempotencyKey("alice", "k"), RequestFingerprint.ofText("x"),
                new StoredResponse(200, null, new byte[0]), made, made.plus(Duration.ofHours(24)));

        assertTrue(record.isLiveAt(made));
        assertTrue(record.isLiveAt(made.plus(Duration.ofHours(24)).minusNanos(1)));
        assertFalse(record.isLiveAt(made.plus(Duration.ofHours(24))));
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyRecord(record.key(), record.fingerprint(),
                record.response(), made, made));
    }
}
