package dev.mlledger.adapters.persistence.jdbc;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every statement of every repository, derived or native, is prepared by PostgreSQL on the migrated schema, so a
 * misspelt table or column in a {@code @Query}, or a row type whose field does not name a column, fails the build
 * rather than a request. (Derived methods naming a property the row type lacks already fail compilation.)
 */
@MicronautTest(transactional = false, startApplication = false)
class RepositoryStatementsTest extends FreshDatabaseTest {

    /** {@code :name}, not the second colon of a {@code ::type} cast. */
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");
    private static final Map<Class<?>, String> SQL_TYPES = Map.ofEntries(
            Map.entry(UUID.class, "uuid"), Map.entry(String.class, "text"), Map.entry(String[].class, "text[]"),
            Map.entry(Integer[].class, "int[]"), Map.entry(Long[].class, "bigint[]"),
            Map.entry(Double[].class, "float8[]"), Map.entry(OffsetDateTime.class, "timestamptz"),
            Map.entry(int.class, "int"), Map.entry(long.class, "bigint"), Map.entry(double.class, "float8"),
            Map.entry(byte[].class, "bytea"));

    @Inject
    ApplicationContext context;

    @Test
    void postgresql_prepares_every_statement_of_every_repository_on_the_migrated_schema() throws SQLException {
        List<String> problems = new ArrayList<>();
        int prepared = 0;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (BeanDefinition<?> repository : context.getBeanDefinitions(Object.class)) {
                if (!repository.hasStereotype(JdbcRepository.class)) {
                    continue;
                }
                for (ExecutableMethod<?, ?> method : repository.getExecutableMethods()) {
                    String name = repository.getBeanType().getSimpleName().replace("$Intercepted", "") + "."
                            + method.getMethodName();
                    try {
                        statement.execute("PREPARE checked AS " + positional(method));
                        statement.execute("DEALLOCATE checked");
                        prepared++;
                    } catch (SQLException e) {
                        problems.add(name + ": " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(prepared >= 25, "found only " + prepared + " repository statements");
    }

    /**
     * The statement with {@code $n} parameters: a native query's named parameters typed as the method declares
     * them (PostgreSQL cannot infer {@code INSERT … SELECT $1}), a derived query's {@code ?}s left to inference.
     */
    private static String positional(ExecutableMethod<?, ?> method) {
        String sql = method.stringValue(Query.class).orElseThrow();
        boolean nativeQuery = method.stringValue(Query.class, "rawQuery").isPresent();
        if (!nativeQuery) {
            StringBuilder numbered = new StringBuilder();
            int n = 0;
            for (char c : sql.toCharArray()) {
                numbered.append(c == '?' ? "$" + (++n) : String.valueOf(c));
            }
            return numbered.toString();
        }
        Map<String, Argument<?>> arguments = new LinkedHashMap<>();
        for (Argument<?> argument : method.getArguments()) {
            arguments.put(argument.getName(), argument);
        }
        List<String> order = new ArrayList<>();
        Matcher matcher = NAMED_PARAMETER.matcher(sql);
        StringBuilder numbered = new StringBuilder();
        while (matcher.find()) {
            String parameter = matcher.group(1);
            Argument<?> argument = arguments.get(parameter);
            if (argument == null) {
                throw new AssertionError(method.getMethodName() + " has no parameter named " + parameter);
            }
            if (!order.contains(parameter)) {
                order.add(parameter);
            }
            String type = SQL_TYPES.get(argument.getType());
            if (type == null) {
                throw new AssertionError(method.getMethodName() + ": no SQL type for " + argument.getType());
            }
            matcher.appendReplacement(numbered, "CAST(\\$" + (order.indexOf(parameter) + 1) + " AS " + type + ")");
        }
        matcher.appendTail(numbered);
        return numbered.toString();
    }
}
