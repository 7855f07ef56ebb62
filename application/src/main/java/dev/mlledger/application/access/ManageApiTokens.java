package dev.mlledger.application.access;

import dev.mlledger.domain.access.ApiToken;

import java.util.List;

/** Use case: see and revoke API tokens. */
public interface ManageApiTokens {

    /** Every token, revoked and expired ones too, oldest first; no secrets. */
    List<ApiToken> list();

    /**
     * Revokes the live token of that name: requests bearing it are refused from then on (after the authentication
     * cache's time to live at most).
     *
     * @throws dev.mlledger.domain.validation.NotFound when no live token has that name
     */
    ApiToken revoke(String name);
}
