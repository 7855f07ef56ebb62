package dev.mlledger.domain.paging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in a newest-first list: the (created_at, id) of the last item a client has seen. The next page
 * starts strictly after it, so its cost does not depend on how deep it is.
 */
public record Keyset(Instant createdAt, UUID id) {

    public Keyset {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
