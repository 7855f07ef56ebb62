package dev.mlledger.bootstrap.security;

import dev.mlledger.application.access.IssuedToken;
import dev.mlledger.application.access.SeedAdminToken;
import dev.mlledger.bootstrap.cli.TokenCli;
import dev.mlledger.bootstrap.database.DatabaseSelection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * At every start, before the server listens: makes sure an administrator can get in. With
 * {@code mlledger.security.admin-token} ({@code MLLEDGER_SECURITY_ADMIN_TOKEN}) that secret is the admin token;
 * without one, a first start issues an admin token and shows it once: on standard output (never through the
 * logging system, whose files are kept and shipped) and, with the embedded database, in
 * {@code <data dir>/../admin-token}, readable by its owner only.
 */
@Singleton
@Requires(property = "micronaut.security.enabled", notEquals = "false")
@Requires(property = TokenCli.CLI_PROPERTY, notEquals = "true")
public class AdminTokenSeeding implements ApplicationEventListener<StartupEvent> {

    /** The file beside the embedded data directory that holds a generated admin token. */
    public static final String TOKEN_FILE = "admin-token";

    private static final Logger LOG = LoggerFactory.getLogger(AdminTokenSeeding.class);

    private final SeedAdminToken seedAdminToken;
    private final Optional<String> configuredSecret;
    private final Environment environment;
    private final PrintStream console;

    public AdminTokenSeeding(SeedAdminToken seedAdminToken,
                             @Nullable @Value("${mlledger.security.admin-token:}") String configuredSecret,
                             Environment environment) {
        this.seedAdminToken = seedAdminToken;
        this.configuredSecret = Optional.ofNullable(configuredSecret).map(String::strip).filter(s -> !s.isEmpty());
        this.environment = environment;
        this.console = System.out;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Optional<IssuedToken> issued = seedAdminToken.seed(configuredSecret);
        if (configuredSecret.isPresent()) {
            LOG.info("Security: on; the admin token is the one configured in mlledger.security.admin-token");
            return;
        }
        if (issued.isEmpty()) {
            LOG.info("Security: on; API tokens are managed with `java -jar mlledger.jar token …` or /api/v1/tokens");
            return;
        }
        Optional<Path> file = environment.getProperty(DatabaseSelection.EMBEDDED_DATA_DIRECTORY_PROPERTY, String.class)
                .map(dir -> Path.of(dir).toAbsolutePath().getParent().resolve(TOKEN_FILE));
        file.ifPresent(path -> write(path, issued.get().secret()));
        console.println();
        console.println("mlledger: security is on and there was no admin token, so one was made. It is shown this once:");
        console.println();
        console.println("    " + issued.get().secret());
        console.println();
        file.ifPresent(path -> console.println("It is also in " + path + " (readable by you only)."));
        console.println("Send it as `Authorization: Bearer <token>`; make tokens for others with "
                + "`java -jar mlledger.jar token create --name NAME --role reader|scorer|tracker|admin`.");
        console.println();
        LOG.warn("Security: on; a new admin token named {} was issued and printed on standard output{}",
                issued.get().token().name(), file.map(path -> " and written to " + path).orElse(""));
    }

    private static void write(Path path, String secret) {
        try {
            Files.deleteIfExists(path);
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(path, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (UnsupportedOperationException e) {
            LOG.warn("Could not make {} readable by its owner only on this file system; it was not written", path);
        } catch (IOException e) {
            LOG.warn("Could not write the admin token to {}: {}", path, e.getMessage());
        }
    }
}
