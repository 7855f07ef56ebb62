package dev.mlledger.adapters.persistence.memory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One unit of work on the in-memory store: whether it may write, and an undo log of what it wrote, so that a
 * rollback costs as much as the changes it takes back, not as much as the store.
 */
final class MemoryTransaction {

    private final boolean readOnly;
    private final Deque<Runnable> undoLog = new ArrayDeque<>();
    private boolean rollbackOnly;

    MemoryTransaction(boolean readOnly) {
        this.readOnly = readOnly;
    }

    boolean readOnly() {
        return readOnly;
    }

    /** Remembers how to take a change back; changes are taken back newest first. */
    void onRollback(Runnable undo) {
        undoLog.push(undo);
    }

    /** Takes back every change this unit of work made. */
    void rollback() {
        while (!undoLog.isEmpty()) {
            undoLog.pop().run();
        }
    }

    /** Something inside failed: the unit of work may only end by rolling back, like an aborted SQL transaction. */
    void setRollbackOnly() {
        rollbackOnly = true;
    }

    boolean rollbackOnly() {
        return rollbackOnly;
    }

    /**
     * A change the store refuses, as a database refuses one that breaks a key or a foreign key; as there, the unit
     * of work can then only roll back, even if its work catches the exception.
     */
    IllegalStateException refuse(String why) {
        rollbackOnly = true;
        return new IllegalStateException(why);
    }
}
