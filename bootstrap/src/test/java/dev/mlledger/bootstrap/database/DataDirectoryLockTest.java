package dev.mlledger.bootstrap.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-owner lock on plain files, with other owners in this process and in processes of their own. */
class DataDirectoryLockTest {

    private static final long THIS_PID = ProcessHandle.current().pid();

    @TempDir
    Path work;

    private final List<Process> otherOwners = new ArrayList<>();

    @AfterEach
    void stopOtherOwners() throws InterruptedException {
        for (Process owner : otherOwners) {
            owner.destroyForcibly();
            owner.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void the_owner_holds_a_lock_file_beside_the_data_directory_with_its_pid_in_it() throws IOException {
        Path dataDirectory = work.resolve("pgdata");

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            assertEquals(work.toRealPath().resolve("pgdata.lock"), lock.lockFile());
            assertFalse(Files.exists(dataDirectory), "the data directory is left empty for initdb");
        }

        // read only after closing: opening the file again would drop the lock of this process
        assertEquals(THIS_PID + "\n", Files.readString(work.resolve("pgdata.lock")));
    }

    @Test
    void a_second_owner_in_the_same_process_is_refused_naming_the_directory_and_this_pid() {
        Path dataDirectory = work.resolve("pgdata");

        try (DataDirectoryLock ignored = DataDirectoryLock.acquire(dataDirectory)) {
            DataDirectoryInUse refused = assertThrows(DataDirectoryInUse.class,
                    () -> DataDirectoryLock.acquire(work.resolve("other/../pgdata")));

            assertEquals(OptionalLong.of(THIS_PID), refused.ownerPid());
            assertEquals(dataDirectory, refused.directory());
            assertTrue(refused.getMessage().startsWith("data directory " + dataDirectory + " is in use by pid " + THIS_PID),
                    refused.getMessage());
        }
    }

    @Test
    void a_lock_held_by_another_process_is_refused_naming_that_process_and_leaves_its_file_alone() throws Exception {
        Path dataDirectory = work.resolve("pgdata");
        Process other = otherOwner(dataDirectory);

        DataDirectoryInUse refused = assertThrows(DataDirectoryInUse.class, () -> DataDirectoryLock.acquire(dataDirectory));

        assertEquals(OptionalLong.of(other.pid()), refused.ownerPid());
        assertTrue(refused.getMessage().contains("data directory " + dataDirectory + " is in use by pid " + other.pid()),
                refused.getMessage());
        assertTrue(other.isAlive());
        assertEquals(other.pid() + "\n", Files.readString(work.resolve("pgdata.lock")));
    }

    @Test
    void the_lock_is_free_again_once_its_owner_closes_it() {
        Path dataDirectory = work.resolve("pgdata");
        DataDirectoryLock.acquire(dataDirectory).close();

        try (DataDirectoryLock again = DataDirectoryLock.acquire(dataDirectory)) {
            assertTrue(Files.exists(again.lockFile()));
        }
    }

    @Test
    void an_owner_killed_without_any_clean_up_leaves_a_lock_file_with_its_pid_that_the_next_owner_takes_over()
            throws Exception {
        Path dataDirectory = work.resolve("pgdata");
        Process other = otherOwner(dataDirectory);
        other.destroyForcibly();
        assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        assertEquals(other.pid() + "\n", Files.readString(work.resolve("pgdata.lock")), "the file outlives its owner");

        DataDirectoryLock.acquire(dataDirectory).close();

        assertEquals(THIS_PID + "\n", Files.readString(work.resolve("pgdata.lock")));
    }

    /** Starts a JVM that takes the lock of {@code dataDirectory} and holds it until it is killed. */
    private Process otherOwner(Path dataDirectory) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OtherOwner.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true)
                .start();
        otherOwners.add(process);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals("locked")) {
                return process;
            }
            said.append(line).append('\n');
        }
        throw new AssertionError("the other owner did not take the lock:\n" + said);
    }

    /** Another owner of a data directory, in a process of its own. */
    static final class OtherOwner {

        public static void main(String[] args) throws IOException {
            try (DataDirectoryLock ignored = DataDirectoryLock.acquire(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                // hold it until the test kills this process (or closes its input)
                while (System.in.read() >= 0) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
