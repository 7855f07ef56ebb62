package dev.mlledger.bootstrap.cli;

import dev.mlledger.application.access.IssueApiToken;
import dev.mlledger.application.access.IssuedToken;
import dev.mlledger.application.access.ManageApiTokens;
import dev.mlledger.application.access.NewApiToken;
import dev.mlledger.bootstrap.RunningService;
import dev.mlledger.bootstrap.database.DatabaseSelection;
import dev.mlledger.bootstrap.database.EmbeddedPostgresServer;
import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.access.TokenSecret;
import dev.mlledger.domain.validation.Conflict;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code java -jar mlledger.jar token <command>}: API tokens, with the service's own database settings and no HTTP
 * server. A new token's secret is the only thing printed on standard output, so that a script can capture it.
 */
public final class TokenCli {

    /** Set in the CLI's context, so that beans only a serving instance needs stay out of it. */
    public static final String CLI_PROPERTY = "mlledger.cli";

    private static final String USAGE = """
            usage: java -jar mlledger.jar token <command> [options] [-<property>=<value> ...]
              create --name NAME --role reader|scorer|tracker|admin [--expires DAYS[d]]
                                      issue a token; its secret is printed once, on standard output
              list                    every token: name, role, state, created, expires, revoked (never secrets)
              revoke NAME             revoke the live token of that name
              secret                  print a new random secret, for mlledger.security.admin-token
            Database settings as for the service: DATASOURCES_DEFAULT_URL/_USERNAME/_PASSWORD, or none for the
            embedded PostgreSQL in mlledger.embedded-db.dir (not while a service runs on it: use /api/v1/tokens).""";

    private final PrintStream out;
    private final PrintStream err;

    public TokenCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return the process exit code: 0 done, 1 failed, 2 not understood */
    public int run(String... args) {
        CommandLine line = CommandLine.of(args);
        List<String> properties = new ArrayList<>(line.properties());
        List<String> words = line.words();
        Optional<Command> command = Command.parse(words);
        if (command.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        if (command.get() instanceof Command.Secret) {
            out.println(TokenSecret.generate());
            return 0;
        }
        properties.add("-" + CLI_PROPERTY + "=true");
        properties.add("-micronaut.server.port=-1");
        ApplicationContext context = ApplicationContext.builder().args(properties.toArray(String[]::new)).build();
        Optional<EmbeddedPostgresServer> embedded = Optional.empty();
        try {
            Environment environment = context.getEnvironment().start();
            embedded = DatabaseSelection.apply(environment);
            context.start();
            return execute(command.get(), context);
        } catch (InvalidInput | Conflict | NotFound e) {
            err.println("token " + words.getFirst() + " refused: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("token " + words.getFirst() + " failed: " + RunningService.explain(e));
            return 1;
        } finally {
            context.close();
            embedded.ifPresent(EmbeddedPostgresServer::close);
        }
    }

    private int execute(Command command, ApplicationContext context) {
        Instant now = context.getBean(Clock.class).instant();
        switch (command) {
            case Command.Create create -> {
                IssuedToken issued = context.getBean(IssueApiToken.class)
                        .issue(new NewApiToken(create.name(), create.role(), create.days()));
                err.println("Issued token " + issued.token().name() + " (role " + issued.token().role().spelling()
                        + (issued.token().expiresAt() == null ? ", no expiry" : ", expires " + issued.token().expiresAt())
                        + "). Its secret, shown this once:");
                out.println(issued.secret());
            }
            case Command.List ignored -> {
                String format = "%-30s %-8s %-8s %-28s %-28s %-28s%n";
                out.printf(format, "NAME", "ROLE", "STATE", "CREATED", "EXPIRES", "REVOKED");
                for (ApiToken token : context.getBean(ManageApiTokens.class).list()) {
                    out.printf(format, token.name(), token.role().spelling(),
                            token.isRevoked() ? "revoked" : token.isValidAt(now) ? "active" : "expired",
                            token.createdAt(), orDash(token.expiresAt()), orDash(token.revokedAt()));
                }
            }
            case Command.Revoke revoke -> {
                ApiToken revoked = context.getBean(ManageApiTokens.class).revoke(revoke.name());
                out.println("Revoked token " + revoked.name() + " (role " + revoked.role().spelling()
                        + "); a running service refuses it within its token cache's time to live (10 s by default)");
            }
            case Command.Secret ignored -> out.println(TokenSecret.generate());
        }
        return 0;
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** What the command line asks for. */
    sealed interface Command {

        record Create(String name, Role role, Integer days) implements Command {
        }

        record List() implements Command {
        }

        record Revoke(String name) implements Command {
        }

        record Secret() implements Command {
        }

        static Optional<Command> parse(java.util.List<String> words) {
            if (words.isEmpty()) {
                return Optional.empty();
            }
            java.util.List<String> rest = words.subList(1, words.size());
            return switch (words.getFirst()) {
                case "create" -> create(rest);
                case "list" -> rest.isEmpty() ? Optional.of(new List()) : Optional.empty();
                case "revoke" -> rest.size() == 1 ? Optional.of(new Revoke(rest.getFirst())) : Optional.empty();
                case "secret" -> rest.isEmpty() ? Optional.of(new Secret()) : Optional.empty();
                default -> Optional.empty();
            };
        }

        private static Optional<Command> create(java.util.List<String> options) {
            if (options.size() % 2 != 0) {
                return Optional.empty();
            }
            String name = null;
            Role role = null;
            Integer days = null;
            for (int i = 0; i < options.size(); i += 2) {
                String value = options.get(i + 1);
                switch (options.get(i)) {
                    case "--name" -> name = value;
                    case "--role" -> role = Role.parse(value).orElse(null);
                    case "--expires" -> days = parsed(value, text -> Integer.valueOf(text.endsWith("d")
                            ? text.substring(0, text.length() - 1) : text));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (name == null || role == null || (days == null && options.contains("--expires"))) {
                return Optional.empty();
            }
            return Optional.of(new Create(name, role, days));
        }

        private static <T> T parsed(String text, Function<String, T> parse) {
            try {
                return parse.apply(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
