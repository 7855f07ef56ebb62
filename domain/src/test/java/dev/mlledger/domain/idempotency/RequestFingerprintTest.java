package dev.mlledger.domain.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestFingerprintTest {

    @Test
    void the_same_parts_give_the_same_fingerprint_and_any_other_part_another() {
        RequestFingerprint fingerprint = RequestFingerprint.ofText("POST", "/api/v1/predict", "{\"a\":1}");

        assertEquals(fingerprint, RequestFingerprint.ofText("POST", "/api/v1/predict", "{\"a\":1}"));
        assertEquals(fingerprint.hashCode(), RequestFingerprint.ofText("POST", "/api/v1/predict", "{\"a\":1}").hashCode());
        assertNotEquals(fingerprint, RequestFingerprint.ofText("POST", "/api/v1/predict", "{\"a\":2}"));
        assertNotEquals(fingerprint, RequestFingerprint.ofText("POST", "/api/v1/predict/batch", "{\"a\":1}"));
        assertNotEquals(fingerprint, RequestFingerprint.ofText("PUT", "/api/v1/predict", "{\"a\":1}"));
    }

    @Test
    void parts_are_kept_apart_so_moving_text_from_one_part_to_the_next_is_another_request() {
        assertNotEquals(RequestFingerprint.ofText("ab", "c"), RequestFingerprint.ofText("a", "bc"));
        assertNotEquals(RequestFingerprint.ofText("abc", ""), RequestFingerprint.ofText("abc"));
    }

    @Test
    void it_is_the_sha_256_of_the_length_prefixed_parts_and_comes_back_from_its_digest() {
        RequestFingerprint fingerprint = RequestFingerprint.of("abc".getBytes(StandardCharsets.UTF_8));
        // SHA-256 of 00 00 00 03 'a' 'b' 'c', as Python's hashlib computes it
        assertEquals("d04b72a650ce0f8ce4963330a53ee2832733d2baeffff3c1d8e256cca096d120", fingerprint.toString());
        assertEquals(RequestFingerprint.LENGTH, fingerprint.digest().length);
        assertEquals(fingerprint, RequestFingerprint.fromDigest(fingerprint.digest()));
        assertArrayEquals(fingerprint.digest(), RequestFingerprint.fromDigest(fingerprint.digest()).digest());
    }

    @Test
    void a_digest_of_another_length_is_refused_and_a_digest_given_out_cannot_change_the_fingerprint() {
        assertThrows(IllegalArgumentException.class, () -> RequestFingerprint.fromDigest(new byte[31]));
        RequestFingerprint fingerprint = RequestFingerprint.ofText("x");
        byte[] digest = fingerprint.digest();
        digest[0]++;
        assertNotEquals(RequestFingerprint.fromDigest(digest), fingerprint);
    }
}
