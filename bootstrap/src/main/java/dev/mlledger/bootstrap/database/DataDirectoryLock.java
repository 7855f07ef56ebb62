package dev.mlledger.bootstrap.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * One owner per data directory: an exclusive lock on {@code <data directory>.lock}, held for the owner's whole life,
 * with the owner's pid written in it. The operating system drops the lock when the owning process ends, however it
 * ends (even by {@code SIGKILL}), so a free lock means the directory has no owner, whatever still runs on it.
 * <p>
 * The file lies beside the directory rather than in it because {@code initdb} makes a new cluster only in an empty
 * directory, and the lock has to be held before that. It is never deleted: a process that had opened it before the
 * deletion would lock a file that no longer has a name, and a third one would lock a new file.
 */
public final class DataDirectoryLock implements AutoCloseable {

    /**
     * Lock files this process holds. A second channel on one of them would be refused by the JVM and, once closed,
     * would drop this process's lock (POSIX record locks belong to the process, not the channel), so it is never opened.
     */
    private static final Set<Path> HELD_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();
    /** An owner writes its pid right after taking the lock; a contender that reads in between waits a little. */
    private static final int PID_READ_ATTEMPTS = 20;
    private static final Duration PID_READ_PAUSE = Duration.ofMillis(25);

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DataDirectoryLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dataDirectory}, creating the lock file (and the directories above it) when missing.
     *
     * @throws DataDirectoryInUse when another live process, or this one, owns the directory
     * @throws IllegalStateException when the lock file cannot be created or locked
     */
    public static DataDirectoryLock acquire(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path lockFile = lockFileOf(directory);
        if (!HELD_BY_THIS_PROCESS.add(lockFile)) {
            throw new DataDirectoryInUse(directory, lockFile, OptionalLong.of(ProcessHandle.current().pid()));
        }
        try {
            return lock(directory, lockFile);
        } catch (RuntimeException e) {
            HELD_BY_THIS_PROCESS.remove(lockFile);
            throw e;
        }
    }

    /** The file whose lock stands for {@code directory}: {@code <data directory>.lock}, beside it. */
    private static Path lockFileOf(Path directory) {
        Path parent = directory.getParent();
        if (parent == null) {
            throw new IllegalStateException("the data directory cannot be the file system's root " + directory
                    + ": its lock file lies beside it");
        }
        try {
            Files.createDirectories(parent);
            // one name per file, however the directory was spelled (a symbolic link, a relative path)
            return parent.toRealPath().resolve(directory.getFileName() + ".lock");
        } catch (IOException e) {
            throw new IllegalStateException("could not create " + parent + " for the lock of the data directory "
                    + directory + ": " + e, e);
        }
    }

    public Path lockFile() {
        return lockFile;
    }

    /** Releases the lock; the file stays, with the pid of its last owner in it. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not release " + lockFile + ": " + e.getMessage(), e);
        } finally {
            HELD_BY_THIS_PROCESS.remove(lockFile);
        }
    }

    private static DataDirectoryLock lock(Path directory, Path lockFile) {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, CREATE, READ, WRITE);
        } catch (IOException e) {
            throw new IllegalStateException("could not open the lock file " + lockFile + " of the data directory "
                    + directory + ": " + e, e);
        }
        try {
            FileLock lock = tryLock(channel, lockFile);
            if (lock == null) {
                throw new DataDirectoryInUse(directory, lockFile, ownerPid(channel));
            }
            writeOwnPid(channel);
            return new DataDirectoryLock(lockFile, channel, lock);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new IllegalStateException("could not lock " + lockFile + ": " + e, e);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path lockFile) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // HELD_BY_THIS_PROCESS keeps this from happening; reaching here means the file was locked another way
            throw new IllegalStateException(lockFile + " is already locked by this process", e);
        }
    }

    private static void writeOwnPid(FileChannel channel) throws IOException {
        channel.truncate(0);
        ByteBuffer pid = ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        while (pid.hasRemaining()) {
            channel.write(pid, pid.position());
        }
        channel.force(true);
    }

    private static OptionalLong ownerPid(FileChannel channel) throws IOException {
        for (int attempt = 1; attempt <= PID_READ_ATTEMPTS; attempt++) {
            ByteBuffer content = ByteBuffer.allocate(32);
            while (content.hasRemaining() && channel.read(content, content.position()) > 0) {
                // read on until the end of the file or of the buffer
            }
            String text = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
            if (text.matches("[0-9]{1,18}")) {
                return OptionalLong.of(Long.parseLong(text));
            }
            try {
                Thread.sleep(PID_READ_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return OptionalLong.empty();
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
