package dev.mlledger.application.prediction;

import dev.mlledger.application.transaction.ScopedUnitOfWork;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.storage.StorageUnavailable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the predictions of concurrent scoring requests together: several requests per transaction and per
 * statement ({@link Predictions#addAll(List, List)}), each caller returning only once its own rows are committed.
 * No timer and no waiting for company: a request that finds a writer free is written at once, alone or with
 * whoever queued meanwhile; requests that arrive while every writer is busy queue up and go together in the next
 * write. A write that fails on the data (a constraint) is retried request by request, so that a bad row fails
 * its own request only; a store that cannot be reached fails the whole group, each request with that error.
 * Inside a caller's own unit of work (an idempotent request) the rows are written there, not grouped.
 */
public final class GroupCommit {

    /**
     * @param maxRows          most predictions in one write (a batch request larger than this goes alone)
     * @param concurrentWrites how many group writes may be in progress at once
     */
    public record Settings(boolean enabled, int maxRows, int concurrentWrites) {
        public Settings {
            if (maxRows < 1 || concurrentWrites < 1) {
                throw new IllegalArgumentException("group commit needs maxRows >= 1 and concurrentWrites >= 1");
            }
        }

        public static final Settings OFF = new Settings(false, 1, 1);
    }

    private final Predictions predictions;
    private final ScopedUnitOfWork unitOfWork;
    private final Settings settings;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int writers;

    public GroupCommit(Predictions predictions, ScopedUnitOfWork unitOfWork, Settings settings) {
        this.predictions = predictions;
        this.unitOfWork = unitOfWork;
        this.settings = settings;
    }

    /** Stores the request's log entry and its predictions; they are committed when this returns. */
    public void write(RequestLogEntry madeBy, List<Prediction> made) {
        if (!settings.enabled() || unitOfWork.isActive()) {
            unitOfWork.write(() -> {
                predictions.addAll(madeBy, made);
                return null;
            });
            return;
        }
        Pending mine = new Pending(madeBy, made, lock.newCondition());
        boolean leading;
        lock.lock();
        try {
            queue.addLast(mine);
            leading = writers < settings.concurrentWrites();
            if (leading) {
                writers++;
            } else {
                while (!mine.done && !mine.promoted) {
                    mine.signal.awaitUninterruptibly();
                }
                leading = !mine.done;
            }
        } finally {
            lock.unlock();
        }
        if (leading) {
            lead(mine);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Writes groups from the head of the queue until this caller's own request is written, then hands over. */
    private void lead(Pending mine) {
        try {
            while (true) {
                List<Pending> group = new ArrayList<>();
                lock.lock();
                try {
                    if (mine.done) {
                        return;
                    }
                    int rows = 0;
                    while (!queue.isEmpty() && (group.isEmpty()
                            || rows + queue.peekFirst().made.size() <= settings.maxRows())) {
                        Pending next = queue.pollFirst();
                        rows += next.made.size();
                        group.add(next);
                    }
                    while (group.isEmpty() && !mine.done) {
                        mine.signal.awaitUninterruptibly();   // written by another writer's group
                    }
                    if (group.isEmpty()) {
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                commit(group);
            }
        } finally {
            lock.lock();
            try {
                Pending next = queue.peekFirst();
                if (next != null) {
                    next.promoted = true;
                    next.signal.signal();
                } else {
                    writers--;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void commit(List<Pending> group) {
        try {
            List<RequestLogEntry> entries = new ArrayList<>(group.size());
            List<Prediction> rows = new ArrayList<>();
            for (Pending pending : group) {
                entries.add(pending.madeBy);
                rows.addAll(pending.made);
            }
            unitOfWork.write(() -> {
                predictions.addAll(entries, rows);
                return null;
            });
            finish(group, null);
        } catch (StorageUnavailable unreachable) {
            finish(group, unreachable);
        } catch (RuntimeException failed) {
            if (group.size() == 1) {
                finish(group, failed);
                return;
            }
            for (Pending pending : group) {   // a bad row fails its own request only
                try {
                    unitOfWork.write(() -> {
                        predictions.addAll(pending.madeBy, pending.made);
                        return null;
                    });
                    finish(List.of(pending), null);
                } catch (RuntimeException alone) {
                    finish(List.of(pending), alone);
                }
            }
        }
    }

    private void finish(List<Pending> group, RuntimeException failure) {
        lock.lock();
        try {
            for (Pending pending : group) {
                pending.failure = failure;
                pending.done = true;
                pending.signal.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A request's rows, waiting to be written; its fields are guarded by the lock. */
    private static final class Pending {
        final RequestLogEntry madeBy;
        final List<Prediction> made;
        final Condition signal;
        boolean done;
        boolean promoted;
        RuntimeException failure;

        Pending(RequestLogEntry madeBy, List<Prediction> made, Condition signal) {
            this.madeBy = madeBy;
            this.made = made;
            this.signal = signal;
        }
    }
}
