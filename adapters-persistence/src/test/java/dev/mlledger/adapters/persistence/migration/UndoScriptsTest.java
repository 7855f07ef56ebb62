package dev.mlledger.adapters.persistence.migration;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every versioned migration can be undone: a V script without its U script beside it fails the build. */
class UndoScriptsTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:\\.\\d+)*)__(.+)\\.sql");

    @Test
    void every_versioned_script_has_an_undo_script_of_the_same_version_and_description_beside_it() throws Exception {
        List<String> scripts = names(migrations());
        assertFalse(scripts.stream().noneMatch(name -> VERSIONED.matcher(name).matches()), "no V scripts found");

        assertEquals(List.of(), withoutUndo(scripts), "V scripts without an undo script U<version>__<same description>.sql");
    }

    @Test
    void no_undo_script_stands_without_its_versioned_script() throws Exception {
        List<String> scripts = names(migrations());
        List<String> orphans = scripts.stream()
                .filter(name -> name.startsWith("U") && !scripts.contains("V" + name.substring(1)))
                .toList();
        assertEquals(List.of(), orphans);
    }

    @Test
    void the_check_notices_a_versioned_script_without_undo() throws IOException {
        Path folder = Files.createTempDirectory("migrations");
        Files.writeString(folder.resolve("V1__first.sql"), "CREATE TABLE a (id int);");
        Files.writeString(folder.resolve("U1__first.sql"), "DROP TABLE a;");
        Files.writeString(folder.resolve("V2__second.sql"), "CREATE TABLE b (id int);");
        assertEquals(List.of("V2__second.sql"), withoutUndo(names(folder)));
    }

    private static List<String> withoutUndo(List<String> scripts) {
        return scripts.stream()
                .filter(name -> VERSIONED.matcher(name).matches() && !scripts.contains("U" + name.substring(1)))
                .toList();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static Path migrations() throws URISyntaxException {
        URL location = UndoScriptsTest.class.getClassLoader().getResource("db/migration");
        assertNotNull(location, "db/migration is on the class path");
        return Path.of(location.toURI());
    }
}
