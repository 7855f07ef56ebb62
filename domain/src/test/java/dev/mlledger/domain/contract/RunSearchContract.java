package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.search.FoundRun;
import dev.mlledger.domain.experiment.search.RunAttribute;
import dev.mlledger.domain.experiment.search.RunMatch;
import dev.mlledger.domain.experiment.search.RunPosition;
import dev.mlledger.domain.experiment.search.RunQuery;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.paging.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static dev.mlledger.domain.contract.ContractData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Run search: what a query selects and in which order, exactly as {@link RunQuery#selects} and
 * {@link RunQuery#order} define it (conditions on latest metrics, params, tags and attributes, LIKE with its
 * escapes, ILIKE, missing values, ordering with missing values last, ties), and keyset pages that neither skip
 * nor repeat a run.
 */
public abstract class RunSearchContract extends StorageContract {

    private Experiment experiment;
    /** Each stored run as the search should see it, by name: the test's oracle. */
    private final Map<String, FoundRun> stored = new LinkedHashMap<>();
    private int started;

    @BeforeEach
    void anExperiment() {
        experiment = ContractData.experiment("search", "alice", T0);
        writing(() -> store.experiments().add(experiment));
    }

    /** A run of the experiment, started a second after the previous one unless told. */
    private final class Given {
        private final String name;
        private String owner = "alice";
        private RunStatus status = RunStatus.RUNNING;
        private Lifecycle lifecycle = Lifecycle.ACTIVE;
        private Instant startedAt = T0.plusSeconds(started++);
        private UUID experimentId = experiment.id();
        private final List<MetricPoint> points = new ArrayList<>();
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();

        Given(String name) {
            this.name = name;
        }

        Given metric(String metric, double value) {
            return point(metric, points.size(), value);
        }

        Given point(String metric, long step, double value) {
            points.add(new MetricPoint(metric, step, value, T0.plusMillis(step)));
            return this;
        }

        Given param(String key, String value) {
            params.put(key, value);
            return this;
        }

        Given tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        Given owner(String owner) {
            this.owner = owner;
            return this;
        }

        Given ended(RunStatus status) {
            this.status = status;
            return this;
        }

        Given deleted() {
            this.lifecycle = Lifecycle.DELETED;
            return this;
        }

        Given startedAt(Instant at) {
            this.startedAt = at;
            return this;
        }

        Given in(Experiment other) {
            this.experimentId = other.id();
            return this;
        }

        Run store() {
            Instant endedAt = status == RunStatus.RUNNING ? null : startedAt.plusSeconds(60);
            Run run = new Run(Ids.newId(), experimentId, name, owner, status, lifecycle, startedAt, endedAt, null);
            writing(() -> {
                RunSearchContract.this.store.runs().addAll(List.of(run));
                RunSearchContract.this.store.metrics().addAll(run.id(), points);
                RunSearchContract.this.store.params().addAll(run.id(),
                        params.entrySet().stream().map(p -> new Param(p.getKey(), p.getValue())).toList());
                RunSearchContract.this.store.tags().setOnRun(run.id(),
                        tags.entrySet().stream().map(t -> new Tag(t.getKey(), t.getValue())).toList());
            });
            SortedMap<String, MetricPoint> latest = new TreeMap<>();
            for (MetricPoint point : points) {
                latest.merge(point.name(), point, (a, b) -> a.step() >= b.step() ? a : b);
            }
            stored.put(name, new FoundRun(run, latest, new TreeMap<>(params), new TreeMap<>(tags)));
            return run;
        }
    }

    private Given run(String name) {
        return new Given(name);
    }

    private Page<RunMatch> search(Collection<UUID> experimentIds, RunQuery query) {
        return read(() -> store.runSearch().search(experimentIds, query));
    }

    /** The names of the runs one page of the search finds, in order. */
    private List<String> names(String filter, String... orderBy) {
        return namesOf(RunQuery.of(filter, List.of(orderBy), null, null, null));
    }

    private List<String> namesOf(RunQuery query) {
        return search(List.of(experiment.id()), query).items().stream().map(match -> match.run().name()).toList();
    }

    /** What the domain says the query answers, over the runs stored in the experiment. */
    private List<String> expected(RunQuery query) {
        return stored.values().stream()
                .filter(found -> found.run().experimentId().equals(experiment.id()) && query.selects(found))
                .sorted((a, b) -> query.order().compare(RunPosition.of(a, query.orderBy()),
                        RunPosition.of(b, query.orderBy())))
                .limit(query.maxResults()).map(found -> found.run().name()).toList();
    }

    private static List<String> sorted(String... names) {
        return Arrays.stream(names).sorted().toList();
    }

    private List<String> sortedNames(String filter) {
        return names(filter).stream().sorted().toList();
    }

    @Test
    void a_metric_condition_compares_the_value_at_the_highest_step_not_the_last_logged() {
        run("a").point("loss", 5, 0.2).point("loss", 1, 0.9).store();
        run("b").point("loss", 1, 0.1).point("loss", 7, 0.8).store();

        assertEquals(List.of("a"), names("metrics.loss < 0.5"));
        assertEquals(List.of("b"), names("metrics.loss > 0.5"));
    }

    @Test
    void each_comparison_of_a_metric_selects_what_it_says() {
        run("low").metric("loss", 0.2).store();
        run("mid").metric("loss", 0.5).store();
        run("high").metric("loss", 0.8).store();
        run("none").metric("accuracy", 0.5).store();

        assertEquals(sorted("mid"), sortedNames("metrics.loss = 0.5"));
        assertEquals(sorted("low", "high"), sortedNames("metrics.loss != 0.5"));
        assertEquals(sorted("low"), sortedNames("metrics.loss < 0.5"));
        assertEquals(sorted("low", "mid"), sortedNames("metrics.loss <= 0.5"));
        assertEquals(sorted("high"), sortedNames("metrics.loss > 0.5"));
        assertEquals(sorted("mid", "high"), sortedNames("metrics.loss >= 0.5"));
        assertEquals(sorted("low", "mid", "high"), sortedNames("metrics.loss > -1e300"));
    }

    @Test
    void a_run_without_the_field_meets_no_condition_on_it_not_even_a_not_equal() {
        run("with").metric("loss", 1).param("lr", "0.1").tag("team", "a").ended(RunStatus.COMPLETED).store();
        run("without").store();

        assertEquals(List.of("with"), names("metrics.loss != 5"));
        assertEquals(List.of("with"), names("params.lr != 'x'"));
        assertEquals(List.of("with"), names("tags.team != 'x'"));
        assertEquals(List.of("with"), names("attributes.end_time != 5"));
    }

    @Test
    void params_and_tags_compare_exactly_or_by_pattern() {
        run("cnn").param("model", "CNN-large").tag("team", "vision").store();
        run("rnn").param("model", "rnn-small").tag("team", "nlp").store();
        run("other").param("model", "cnn").store();

        assertEquals(sorted("cnn"), sortedNames("params.model = 'CNN-large'"));
        assertEquals(sorted("rnn", "other"), sortedNames("params.model != 'CNN-large'"));
        assertEquals(sorted("cnn"), sortedNames("params.model LIKE 'CNN%'"));
        assertEquals(sorted("cnn", "other"), sortedNames("params.model ILIKE 'cnn%'"));
        assertEquals(sorted("rnn"), sortedNames("params.model LIKE '_nn-%'"));
        assertEquals(sorted("cnn", "rnn"), sortedNames("tags.team LIKE '%'"));
        assertEquals(sorted("rnn"), sortedNames("tags.team = 'nlp' AND params.model ILIKE '%SMALL'"));
    }

    @Test
    void in_like_patterns_a_backslash_escapes_percent_underscore_and_itself() {
        run("percent").param("p", "100%").store();
        run("digits").param("p", "1000").store();
        run("underscore").param("p", "a_b").store();
        run("letter").param("p", "axb").store();
        run("backslash").param("p", "c:\\dir").store();

        assertEquals(List.of("percent"), names("params.p LIKE '100\\%'"));
        assertEquals(sorted("percent", "digits"), sortedNames("params.p LIKE '100_'"));
        assertEquals(List.of("underscore"), names("params.p LIKE 'a\\_b'"));
        assertEquals(sorted("underscore", "letter"), sortedNames("params.p LIKE 'a_b'"));
        assertEquals(List.of("backslash"), names("params.p LIKE 'c:\\\\%'"));
        assertEquals(List.of("backslash"), names("params.p ILIKE 'C:\\\\DIR'"));
    }

    @Test
    void text_with_quotes_semicolons_and_sql_is_compared_as_plain_text() {
        String sql = "x'; DROP TABLE runs; --";
        run("tricky").param("it's", sql).tag("a \"b\"", "O'Brien").store();
        run("plain").param("it's", "plain").store();

        assertEquals(List.of("tricky"), names("params.\"it's\" = 'x''; DROP TABLE runs; --'"));
        assertEquals(List.of("tricky"), names("tags.'a \"b\"' = 'O''Brien'"));
        assertEquals(List.of("tricky"), names("params.`it's` LIKE '%DROP%'"));
        assertEquals(sorted("tricky", "plain"), sortedNames(null));
    }

    @Test
    void keys_are_exact_names_with_dots_and_spaces() {
        run("a").tag("mlflow.runName", "x").metric("val loss", 1).store();
        run("b").tag("mlflow", "x").metric("val", 1).store();

        assertEquals(List.of("a"), names("tags.mlflow.runName = 'x'"));
        assertEquals(List.of("a"), names("metrics.`val loss` = 1"));
        assertEquals(List.of("b"), names("tags.mlflow = 'x'"));
    }

    @Test
    void a_status_is_compared_as_mlflow_spells_it() {
        run("running").store();
        run("finished").ended(RunStatus.COMPLETED).store();
        run("failed").ended(RunStatus.FAILED).store();
        run("killed").ended(RunStatus.KILLED).store();

        assertEquals(List.of("finished"), names("attributes.status = 'FINISHED'"));
        assertEquals(List.of("running"), names("status = 'RUNNING'"));
        assertEquals(List.of("killed"), names("attributes.status = 'KILLED'"));
        assertEquals(sorted("failed", "finished"), sortedNames("attributes.status LIKE 'F%'"));
        assertEquals(sorted("running", "failed", "killed"), sortedNames("attributes.status != 'FINISHED'"));
        assertEquals(List.of(), names("attributes.status = 'completed'"));
    }

    @Test
    void run_names_and_owners_compare_as_text() {
        run("bert-base").owner("ana").store();
        run("bert-large").owner("bob").store();
        run("roberta").owner("ana").store();

        assertEquals(sorted("bert-base", "bert-large"), sortedNames("run_name LIKE 'bert%'"));
        assertEquals(sorted("bert-base", "bert-large", "roberta"), sortedNames("attributes.run_name ILIKE '%BERT%'"));
        assertEquals(sorted("bert-base", "roberta"), sortedNames("attributes.user_id = 'ana'"));
        assertEquals(List.of("roberta"), names("run_name = 'roberta' AND user_id = 'ana'"));
    }

    @Test
    void run_ids_are_compared_in_mlflows_spelling_or_with_dashes_and_listed() {
        Run a = run("a").store();
        Run b = run("b").store();
        run("c").store();
        String hexA = RunAttribute.runIdText(a.id());
        String hexB = RunAttribute.runIdText(b.id());

        assertEquals(List.of("a"), names("attributes.run_id = '" + hexA + "'"));
        assertEquals(List.of("a"), names("attributes.run_id = '" + a.id() + "'"));
        assertEquals(sorted("b", "c"), sortedNames("run_id != '" + hexA + "'"));
        assertEquals(sorted("a", "b"), sortedNames("run_id IN ('" + hexA + "', '" + hexB + "', 'nonsense')"));
        assertEquals(List.of("c"), names("run_id NOT IN ('" + hexA + "', '" + hexB + "', 'nonsense')"));
        assertEquals(List.of(), names("run_id IN ('" + hexA.toUpperCase() + "')"));
        assertEquals(sorted("a", "b", "c"), sortedNames("run_id NOT IN ('nonsense')"));
        assertEquals(List.of("a"), names("run_id LIKE '" + hexA.substring(0, 16) + "%" + hexA.substring(16) + "'"));
        assertEquals(List.of("a"), names("run_id ILIKE '" + hexA.toUpperCase() + "'"));
    }

    @Test
    void times_compare_as_whole_milliseconds_since_the_epoch() {
        Instant at = Instant.parse("2026-03-10T08:00:00.123456Z");
        long millis = at.toEpochMilli();
        run("r").startedAt(at).ended(RunStatus.COMPLETED).store();

        assertEquals(List.of("r"), names("attributes.start_time = " + millis));
        assertEquals(List.of(), names("attributes.start_time > " + millis));
        assertEquals(List.of("r"), names("attributes.start_time >= " + millis));
        assertEquals(List.of("r"), names("attributes.start_time <= " + millis));
        assertEquals(List.of(), names("attributes.start_time < " + millis));
        assertEquals(List.of("r"), names("attributes.start_time < " + (millis + 1)));
        assertEquals(List.of(), names("attributes.start_time != " + millis));
        assertEquals(List.of("r"), names("attributes.end_time = " + (millis + 60_000)));
        assertEquals(List.of("r"), names("created > -9223372036854775808 AND start_time < 9223372036854775807"));
    }

    @Test
    void running_runs_have_no_end_time_to_compare() {
        run("running").store();
        run("ended").ended(RunStatus.FAILED).store();

        assertEquals(List.of("ended"), names("attributes.end_time > 0"));
        assertEquals(List.of("ended"), names("attributes.end_time != 0"));
    }

    @Test
    void the_lifecycle_selects_active_or_deleted_runs_or_both() {
        run("active").store();
        run("deleted").deleted().store();

        assertEquals(List.of("active"), namesOf(RunQuery.of(null, null, Lifecycle.ACTIVE, null, null)));
        assertEquals(List.of("deleted"), namesOf(RunQuery.of(null, null, Lifecycle.DELETED, null, null)));
        assertEquals(sorted("active", "deleted"), namesOf(RunQuery.of(null, null, null, null, null)).stream().sorted().toList());
    }

    @Test
    void only_runs_of_the_given_experiments_are_found() {
        Experiment other = ContractData.experiment("other", "bob", T0);
        Experiment third = ContractData.experiment("third", "bob", T0);
        writing(() -> {
            store.experiments().add(other);
            store.experiments().add(third);
        });
        run("mine").metric("loss", 0.1).store();
        run("other").in(other).metric("loss", 0.1).store();
        run("third").in(third).metric("loss", 0.1).store();
        RunQuery query = RunQuery.of("metrics.loss < 1", null, null, null, null);

        assertEquals(List.of("mine"), namesOf(query));
        assertEquals(sorted("mine", "other"), search(List.of(experiment.id(), other.id()), query).items().stream()
                .map(match -> match.run().name()).sorted().toList());
        assertEquals(List.of(), search(List.of(Ids.newId()), query).items());
    }

    @Test
    void without_an_order_runs_come_newest_first() {
        run("first").store();
        run("second").store();
        run("third").store();

        assertEquals(List.of("third", "second", "first"), names(null));
    }

    @Test
    void ordered_by_a_metric_runs_without_it_come_last_in_either_direction() {
        run("mid").metric("loss", 0.5).store();
        run("none").store();
        run("low").metric("loss", 0.1).store();
        run("high").metric("loss", 0.9).store();

        assertEquals(List.of("low", "mid", "high", "none"), names(null, "metrics.loss"));
        assertEquals(List.of("high", "mid", "low", "none"), names(null, "metrics.loss DESC"));
        assertEquals(List.of("low", "mid"), names("metrics.loss < 0.6", "metrics.loss ASC"));
    }

    @Test
    void ties_fall_back_to_the_next_key_then_the_newest_start_then_the_id() {
        Instant same = T0.plusSeconds(100);
        run("older").metric("loss", 0.5).param("lr", "b").startedAt(same.minusSeconds(1)).store();
        Run x = run("x").metric("loss", 0.5).param("lr", "a").startedAt(same).store();
        Run y = run("y").metric("loss", 0.5).param("lr", "a").startedAt(same).store();
        run("newer").metric("loss", 0.5).param("lr", "a").startedAt(same.plusSeconds(1)).store();
        List<String> sameStart = ContractData.compareIds(x.id(), y.id()) < 0 ? List.of("x", "y") : List.of("y", "x");

        List<String> expected = new ArrayList<>(List.of("newer"));
        expected.addAll(sameStart);
        expected.add("older");
        assertEquals(expected, names(null, "metrics.loss", "params.lr"));
        assertEquals(List.of("older", "newer", sameStart.get(0), sameStart.get(1)),
                names(null, "metrics.loss", "params.lr DESC"));
    }

    @Test
    void text_orders_by_code_point_whatever_the_database_collation() {
        run("lower").param("p", "a").store();
        run("upper").param("p", "B").store();
        run("accent").param("p", "é").store();
        run("zed").param("p", "Z").store();
        run("emoji").param("p", "\uD83D\uDE00").store();
        run("private").param("p", "\uE000").store();

        assertEquals(List.of("upper", "zed", "lower", "accent", "private", "emoji"), names(null, "params.p"));
        assertEquals(List.of("emoji", "private", "accent", "lower", "zed", "upper"), names(null, "params.p DESC"));
    }

    @Test
    void attributes_order_too_with_running_runs_last_by_end_time() {
        run("b-run").ended(RunStatus.COMPLETED).startedAt(T0.plusSeconds(10)).store();
        run("a-run").store();
        run("c-run").ended(RunStatus.KILLED).startedAt(T0.plusSeconds(5)).store();

        assertEquals(List.of("a-run", "b-run", "c-run"), names(null, "run_name"));
        assertEquals(List.of("b-run", "c-run", "a-run"), names(null, "attributes.end_time DESC"));
        assertEquals(List.of("c-run", "b-run", "a-run"), names(null, "attributes.end_time"));
        assertEquals(List.of("b-run", "c-run", "a-run"), names(null, "status"));
        assertEquals(names(null), names(null, "attributes.start_time DESC"));
    }

    @Test
    void a_page_holds_at_most_max_results_and_says_whether_more_follow() {
        for (int i = 0; i < 5; i++) {
            run("r" + i).metric("loss", i).store();
        }

        Page<RunMatch> page = search(List.of(experiment.id()), RunQuery.of(null, List.of("metrics.loss"), null, 2, null));
        assertEquals(List.of("r0", "r1"), page.items().stream().map(match -> match.run().name()).toList());
        assertTrue(page.hasMore());
        Page<RunMatch> all = search(List.of(experiment.id()), RunQuery.of(null, List.of("metrics.loss"), null, 5, null));
        assertEquals(5, all.items().size());
        assertFalse(all.hasMore());
    }

    @Test
    void each_match_carries_its_position_in_the_order() {
        run("with").metric("loss", 0.25).param("lr", "0.1").store();
        run("without").store();
        RunQuery query = RunQuery.of(null, List.of("metrics.loss", "params.lr DESC", "attributes.end_time"), null, null,
                null);

        for (RunMatch match : search(List.of(experiment.id()), query).items()) {
            assertEquals(RunPosition.of(stored.get(match.run().name()), query.orderBy()), match.position());
        }
    }

    @Test
    void pages_walked_one_after_another_give_every_run_once_in_order() {
        for (int i = 0; i < 11; i++) {
            Given given = run("r" + i).startedAt(T0.plusSeconds(i % 3));
            if (i % 4 != 0) {
                given.metric("loss", i % 3);
            }
            if (i % 2 == 0) {
                given.param("lr", i % 5 == 0 ? "a" : "b");
            }
            given.store();
        }

        for (List<String> order : List.of(List.of("metrics.loss"), List.of("metrics.loss DESC", "params.lr"),
                List.of("params.lr DESC"), List.<String>of())) {
            RunQuery all = RunQuery.of(null, order, null, null, null);
            List<String> walked = new ArrayList<>();
            RunPosition after = null;
            do {
                Page<RunMatch> page = search(List.of(experiment.id()), RunQuery.of(null, order, null, 3, after));
                page.items().forEach(match -> walked.add(match.run().name()));
                after = page.hasMore() ? page.items().getLast().position() : null;
            } while (after != null);

            assertEquals(expected(all), walked, order.toString());
        }
    }

    @Test
    void runs_added_between_pages_never_make_a_later_page_skip_or_repeat_a_run() {
        for (int i = 0; i < 6; i++) {
            run("r" + i).metric("loss", i).store();
        }
        Page<RunMatch> first = search(List.of(experiment.id()), RunQuery.of(null, List.of("metrics.loss"), null, 3, null));
        run("before").metric("loss", 0.5).store();
        run("after").metric("loss", 4.5).store();

        Page<RunMatch> second = search(List.of(experiment.id()),
                RunQuery.of(null, List.of("metrics.loss"), null, 3, first.items().getLast().position()));

        assertEquals(List.of("r0", "r1", "r2"), first.items().stream().map(match -> match.run().name()).toList());
        assertEquals(List.of("r3", "r4", "after"), second.items().stream().map(match -> match.run().name()).toList());
        assertTrue(second.hasMore());
    }

    @Test
    void latest_metrics_are_the_points_at_each_names_highest_step() {
        Run run = run("r").point("loss", 3, 0.3).point("loss", 9, 0.1).point("loss", 5, 0.2).point("acc", 0, 0.7)
                .store();
        Run none = run("none").store();

        Map<UUID, SortedMap<String, MetricPoint>> latest = read(() ->
                store.runSearch().latestMetrics(List.of(run.id(), none.id())));

        assertEquals(Map.of(run.id(), new TreeMap<>(Map.of(
                "loss", new MetricPoint("loss", 9, 0.1, T0.plusMillis(9)),
                "acc", new MetricPoint("acc", 0, 0.7, T0)))), latest);
    }

    @Test
    void many_random_queries_answer_what_the_domain_defines() {
        Random random = new Random(12);
        String[] values = {"a", "b", "B", "ab", "a%b", "a_b", ""};
        for (int i = 0; i < 40; i++) {
            Given given = run("r" + i).startedAt(T0.plusSeconds(random.nextInt(8)));
            for (String metric : List.of("loss", "acc")) {
                if (random.nextInt(4) > 0) {
                    given.metric(metric, random.nextInt(5) / 4.0);
                }
            }
            if (random.nextBoolean()) {
                given.param("p", values[random.nextInt(values.length - 1)]);
            }
            if (random.nextBoolean()) {
                given.tag("t", values[random.nextInt(values.length - 1)]);
            }
            if (random.nextInt(3) == 0) {
                given.ended(RunStatus.values()[1 + random.nextInt(3)]);
            }
            if (random.nextInt(5) == 0) {
                given.deleted();
            }
            given.store();
        }
        String[] conditions = {"metrics.loss < 0.5", "metrics.acc >= 0.25", "metrics.loss != 0.5", "params.p = 'a'",
                "params.p LIKE 'a%'", "tags.t ILIKE 'b'", "tags.t != 'ab'", "attributes.status = 'RUNNING'",
                "params.p LIKE 'a\\_b'", "run_name LIKE 'r1%'", "attributes.end_time > 0", "metrics.acc = 0"};
        String[] orders = {"metrics.loss", "metrics.acc DESC", "params.p", "tags.t DESC", "attributes.status",
                "attributes.end_time", "run_name DESC"};
        Lifecycle[] lifecycles = {null, Lifecycle.ACTIVE, Lifecycle.DELETED};
        Map<String, List<String>> failures = new HashMap<>();
        for (int q = 0; q < 60; q++) {
            List<String> filter = new ArrayList<>();
            for (int c = random.nextInt(3); c > 0; c--) {
                filter.add(conditions[random.nextInt(conditions.length)]);
            }
            List<String> order = new ArrayList<>();
            for (int o = random.nextInt(3); o > 0; o--) {
                order.add(orders[random.nextInt(orders.length)]);
            }
            RunQuery query = RunQuery.of(String.join(" AND ", filter), order,
                    lifecycles[random.nextInt(lifecycles.length)], 1 + random.nextInt(40), null);
            List<String> found = namesOf(query);
            if (!expected(query).equals(found)) {
                failures.put(query.toString(), found);
            }
        }
        assertEquals(Map.of(), failures);
    }
}
