package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Conflict;

/** Someone else changed the thing between this request's read and its write; this request lost. */
public class ConcurrentUpdate extends Conflict {

    public ConcurrentUpdate(String what) {
        super(what + " was changed by another request at the same time; read it again and retry");
    }
}
