package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.domain.contract.ContractData;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Params;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.experiment.search.RunAttribute;
import dev.mlledger.domain.experiment.search.RunMatch;
import dev.mlledger.domain.experiment.search.RunPosition;
import dev.mlledger.domain.experiment.search.RunQuery;
import dev.mlledger.domain.experiment.search.RunSearch;
import dev.mlledger.domain.experiment.search.SortValue;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC run search's own risks: SQL injection through every kind of operand, and a statement text that holds
 * nothing a client wrote.
 */
@MicronautTest(transactional = false, startApplication = false)
class JdbcRunSearchTest extends FreshDatabaseTest {

    /** Text that would break out of a quoted literal, an identifier, a LIKE pattern or a list, were it pasted in. */
    private static final List<String> HOSTILE = List.of(
            "x' OR '1'='1",
            "x'; DROP TABLE runs; --",
            "x\"; DELETE FROM run_params; --",
            "x') OR 1=1 --",
            "x%' OR 1=1 --",
            "x\\' OR 1=1 --",
            "x`; TRUNCATE latest_metrics; --",
            "x$$; DROP TABLE run_tags; $$");
    private static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

    @Inject
    Experiments experiments;
    @Inject
    Runs runs;
    @Inject
    Metrics metrics;
    @Inject
    Params params;
    @Inject
    Tags tags;
    @Inject
    RunSearch runSearch;
    @Inject
    UnitOfWork unitOfWork;

    private Experiment experiment;
    private Run plain;
    /** Holds each hostile text as a metric name, a param and a tag key and value, and its name. */
    private final List<Run> hostile = new ArrayList<>();

    @BeforeEach
    void runsWithPlainAndHostileNames() {
        if (experiment != null) {
            return; // the tests only read: one set of runs serves them all
        }
        experiment = ContractData.experiment("search", "alice", T0);
        unitOfWork.write(() -> {
            experiments.add(experiment);
            return null;
        });
        plain = store("plain", "loss", "lr", "0.1");
        for (String text : HOSTILE) {
            hostile.add(store(text, text, text, text));
        }
    }

    private Run store(String name, String metric, String key, String value) {
        Run run = Run.started(Ids.newId(), experiment.id(), name, "alice", T0.plusSeconds(hostile.size()), null);
        unitOfWork.write(() -> {
            runs.addAll(List.of(run));
            metrics.addAll(run.id(), List.of(new MetricPoint(metric, 0, 0.25, T0)));
            params.addAll(run.id(), List.of(new Param(key, value)));
            tags.setOnRun(run.id(), List.of(new Tag(key, value)));
            return null;
        });
        return run;
    }

    private List<String> names(String filter, String... orderBy) {
        RunQuery query = RunQuery.of(filter, List.of(orderBy), Lifecycle.ACTIVE, null, null);
        Page<RunMatch> page = unitOfWork.read(() -> runSearch.search(List.of(experiment.id()), query));
        return page.items().stream().map(match -> match.run().name()).toList();
    }

    /** The text as quoted text of the grammar: its quotes doubled. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String key(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @Test
    void hostile_text_in_every_operand_is_only_ever_compared_as_text() {
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = HOSTILE.get(i);
            List<String> itself = List.of(hostile.get(i).name());
            assertEquals(itself, names("metrics." + key(text) + " = 0.25"), text);
            assertEquals(itself, names("params." + key(text) + " = " + quoted(text)), text);
            assertEquals(itself, names("tags." + key(text) + " != " + quoted("y")), text);
            assertEquals(itself, names("tags." + key(text) + " = " + quoted(text)), text);
            assertEquals(itself, names("attributes.run_name = " + quoted(text)), text);
            assertEquals(List.of(), names("params.lr = " + quoted(text)), text);
            assertEquals(List.of(), names("attributes.user_id = " + quoted(text)), text);
            assertEquals(List.of(), names("attributes.status = " + quoted(text)), text);
            assertEquals(List.of(), names("run_id IN (" + quoted(text) + ", " + quoted(text + "2") + ")"), text);
            assertEquals(List.of(), names("run_name ILIKE " + quoted(text.replace("\\", "") + "_nothing")), text);
            assertEquals(List.of("plain"), names("run_name LIKE " + quoted("plain") + " AND params.lr != "
                    + quoted(text)), text);
            assertEquals(HOSTILE.size() + 1, names(null, "metrics." + key(text) + " DESC", "params." + key(text),
                    "tags." + key(text)).size(), text);
        }
        assertTablesAreWhole();
    }

    @Test
    void hostile_text_in_a_page_position_is_bound_too() {
        RunQuery first = RunQuery.of(null, List.of("params.lr", "run_name DESC"), Lifecycle.ACTIVE, 1, null);
        for (String text : HOSTILE) {
            RunPosition position = new RunPosition(List.of(new SortValue.Text(text), new SortValue.Text(text)), T0,
                    plain.id());
            RunQuery next = RunQuery.of(null, List.of("params.lr", "run_name DESC"), Lifecycle.ACTIVE, 100, position);
            Page<RunMatch> page = unitOfWork.read(() -> runSearch.search(List.of(experiment.id()), next));
            // only the plain run has lr, and its "0.1" sorts before every hostile text: the runs without lr follow
            assertEquals(HOSTILE.size(), page.items().size(), text);
        }
        assertEquals(1, unitOfWork.read(() -> runSearch.search(List.of(experiment.id()), first)).items().size());
        assertTablesAreWhole();
    }

    @Test
    void the_statement_text_holds_nothing_a_client_wrote() {
        String marker = "zqxmarker";
        RunPosition position = new RunPosition(List.of(new SortValue.Number(1), new SortValue.Text(marker),
                new SortValue.Text(marker), SortValue.MISSING, new SortValue.Time(T0),
                new SortValue.Text(RunAttribute.runIdText(plain.id()))), T0, plain.id());
        RunQuery query = RunQuery.of(
                "metrics.`" + marker + "a` < 1 AND params.`" + marker + "b` = '" + marker + "' AND tags.`" + marker
                        + "c` LIKE '" + marker + "%' AND run_name ILIKE '" + marker + "' AND user_id != '" + marker
                        + "' AND status = '" + marker + "' AND run_id IN ('" + marker + "') AND start_time > 5",
                List.of("metrics.`" + marker + "d`", "params.`" + marker + "e` DESC", "tags.`" + marker + "f`",
                        "attributes.end_time", "start_time", "run_id"), null, 10, position);

        RunSearchStatement statement = RunSearchStatement.of(List.of(experiment.id()), query);

        assertFalse(statement.sql().contains(marker), statement.sql());
        assertTrue(statement.parameters().stream().anyMatch(p -> p.toString().contains(marker)));
        assertEquals(statement.sql().chars().filter(c -> c == '?').count(), statement.parameters().size());
        // and PostgreSQL accepts it
        assertEquals(List.of(), unitOfWork.read(() -> runSearch.search(List.of(experiment.id()), query)).items());
    }

    private void assertTablesAreWhole() {
        Map<String, Integer> expected = Map.of("runs", HOSTILE.size() + 1, "run_params", HOSTILE.size() + 1,
                "run_tags", HOSTILE.size() + 1, "latest_metrics", HOSTILE.size() + 1, "metrics", HOSTILE.size() + 1);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (var table : expected.entrySet()) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table.getKey())) {
                    count.next();
                    assertEquals(table.getValue(), count.getInt(1), table.getKey());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
