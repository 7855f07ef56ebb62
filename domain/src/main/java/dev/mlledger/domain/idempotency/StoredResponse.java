package dev.mlledger.domain.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer to a request, kept so that a repeat of the request gets it again, byte for byte. The domain does not
 * read it: the driving adapter that made it says what its parts mean (for HTTP: the status code, the
 * {@code Location}, the body's bytes).
 *
 * @param status   the outcome's code
 * @param location where the created thing can be found; null when the answer names none
 * @param body     the answer's bytes
 */
public record StoredResponse(int status, String location, byte[] body) {

    public StoredResponse {
        Objects.requireNonNull(body, "body");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredResponse that && status == that.status
                && Objects.equals(location, that.location) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(status, location) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "StoredResponse[status=" + status + ", location=" + location + ", body=" + body.length + " bytes]";
    }
}
