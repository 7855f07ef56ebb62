package dev.mlledger.bootstrap.database;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Another live process owns the embedded PostgreSQL's data directory; nothing of it was touched. */
public final class DataDirectoryInUse extends IllegalStateException {

    private final transient Path directory;
    private final transient OptionalLong ownerPid;

    DataDirectoryInUse(Path directory, Path lockFile, OptionalLong ownerPid) {
        super("data directory " + directory + " is in use by "
                + (ownerPid.isPresent() ? "pid " + ownerPid.getAsLong() : "another process (its pid is not known yet)")
                + ", which holds the lock " + lockFile + "; stop that process first, or give this one another "
                + DatabaseSelection.EMBEDDED_DIR_PROPERTY);
        this.directory = directory;
        this.ownerPid = ownerPid;
    }

    public Path directory() {
        return directory;
    }

    public OptionalLong ownerPid() {
        return ownerPid;
    }
}
