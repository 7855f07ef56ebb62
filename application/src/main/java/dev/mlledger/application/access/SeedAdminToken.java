package dev.mlledger.application.access;

import java.util.Optional;

/** Use case: make sure an administrator can get in, at every start. */
public interface SeedAdminToken {

    /** The name of the token this use case issues. */
    String ADMIN_TOKEN_NAME = "admin";

    /**
     * With a configured secret, makes it the secret of the live token {@value #ADMIN_TOKEN_NAME} (an admin
     * token that does not expire), revoking an earlier token of that name with another secret; answers empty.
     * Without one, issues a token {@value #ADMIN_TOKEN_NAME} with a new secret when no valid admin token exists,
     * and answers it (show it once); else answers empty.
     */
    Optional<IssuedToken> seed(Optional<String> configuredSecret);
}
