package dev.mlledger.application.requestlog;

import java.util.UUID;

/** Use case: a logged API request with its predictions ({@code GET /api/v1/requests/{id}}). */
public interface FindRequest {

    /** @throws dev.mlledger.domain.validation.NotFound when no such request is logged */
    RequestDetails byId(UUID id);
}
