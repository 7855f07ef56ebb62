package dev.mlledger.adapters.persistence.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * One unit of work on the in-memory store: whether it may write, the store lock it takes at its first use of the
 * store, an undo log of what it wrote, so that a rollback costs as much as the changes it takes back, not as much
 * as the store, and what to let go of when it ends.
 */
final class MemoryTransaction {

    private final boolean readOnly;
    private final Lock storeLock;
    private final Deque<Runnable> undoLog = new ArrayDeque<>();
    private final List<Runnable> onEnd = new ArrayList<>();
    private boolean locked;
    private boolean rollbackOnly;

    MemoryTransaction(boolean readOnly, Lock storeLock) {
        this.readOnly = readOnly;
        this.storeLock = storeLock;
    }

    /**
     * Takes the store's lock, if this unit of work does not hold it yet: at the first read or change, not when the
     * unit starts, so that a unit that is refused an idempotency key before it touches the store never waits.
     */
    void lockStore() {
        if (!locked) {
            storeLock.lock();
            locked = true;
        }
    }

    /** Remembers something to let go of when the unit of work ends, however it ends. */
    void onEnd(Runnable release) {
        onEnd.add(release);
    }

    /** Lets go of the store's lock and of everything else the unit of work held. */
    void end() {
        try {
            onEnd.forEach(Runnable::run);
        } finally {
            if (locked) {
                locked = false;
                storeLock.unlock();
            }
        }
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
