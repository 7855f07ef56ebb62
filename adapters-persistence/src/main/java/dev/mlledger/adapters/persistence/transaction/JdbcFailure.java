package dev.mlledger.adapters.persistence.transaction;

import java.sql.SQLException;

/** A statement failed; carries the {@link SQLException} so the unit of work can classify it. */
public class JdbcFailure extends RuntimeException {

    public JdbcFailure(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
