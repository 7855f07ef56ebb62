package dev.mlledger.adapters.web.testing;

import dev.mlledger.application.access.ApiTokenService;
import dev.mlledger.application.access.AuthenticateApiToken;
import dev.mlledger.application.access.IssueApiToken;
import dev.mlledger.application.access.ManageApiTokens;
import dev.mlledger.application.access.SeedAdminToken;
import dev.mlledger.domain.access.ApiTokens;
import io.micronaut.context.annotation.Bean;
import java.util.Optional;
import dev.mlledger.application.experiment.CreateExperiment;
import dev.mlledger.application.experiment.CreateExperimentService;
import dev.mlledger.application.experiment.DeleteExperiment;
import dev.mlledger.application.experiment.DeleteExperimentService;
import dev.mlledger.application.experiment.FindExperiments;
import dev.mlledger.application.experiment.FindExperimentsService;
import dev.mlledger.application.experiment.FindRun;
import dev.mlledger.application.experiment.FindRunService;
import dev.mlledger.application.experiment.SearchRuns;
import dev.mlledger.application.experiment.SearchRunsService;
import dev.mlledger.domain.experiment.Params;
import dev.mlledger.domain.experiment.search.RunSearch;
import dev.mlledger.application.experiment.DeleteRun;
import dev.mlledger.application.experiment.DeleteRunService;
import dev.mlledger.application.experiment.LogRunData;
import dev.mlledger.application.experiment.LogRunDataService;
import dev.mlledger.application.experiment.PurgeExperiment;
import dev.mlledger.application.experiment.PurgeExperimentService;
import dev.mlledger.application.experiment.TagExperiment;
import dev.mlledger.application.experiment.TagExperimentService;
import dev.mlledger.application.experiment.UntagRun;
import dev.mlledger.application.experiment.UntagRunService;
import dev.mlledger.application.experiment.UpdateRun;
import dev.mlledger.application.experiment.UpdateRunService;
import dev.mlledger.application.experiment.LogMetrics;
import dev.mlledger.application.experiment.LogMetricsService;
import dev.mlledger.application.experiment.MetricHistory;
import dev.mlledger.application.experiment.MetricHistoryService;
import dev.mlledger.application.experiment.StartRun;
import dev.mlledger.application.experiment.StartRunService;
import dev.mlledger.application.experiment.UpdateExperiment;
import dev.mlledger.application.experiment.UpdateExperimentService;
import dev.mlledger.application.analytics.AnalyzeRisk;
import dev.mlledger.application.analytics.AnalyzeRiskService;
import dev.mlledger.application.health.CheckHealth;
import dev.mlledger.application.idempotency.RunOnce;
import dev.mlledger.application.idempotency.RunOnceService;
import dev.mlledger.domain.idempotency.IdempotencyKeys;
import java.time.Duration;
import dev.mlledger.application.health.CheckHealthService;
import dev.mlledger.application.model.DescribeModel;
import dev.mlledger.application.model.DescribeModelService;
import dev.mlledger.application.prediction.FindPredictions;
import dev.mlledger.application.prediction.FindPredictionsService;
import dev.mlledger.application.prediction.RecordPrediction;
import dev.mlledger.application.prediction.RecordPredictionService;
import dev.mlledger.application.prediction.ScoreEmployees;
import dev.mlledger.application.prediction.ScoreEmployeesService;
import dev.mlledger.application.requestlog.FindRequest;
import dev.mlledger.application.requestlog.FindRequestService;
import dev.mlledger.application.requestlog.PurgeRequestLog;
import dev.mlledger.application.requestlog.PurgeRequestLogService;
import dev.mlledger.application.requestlog.RecordApiRequest;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.prediction.RiskThresholds;
import dev.mlledger.domain.prediction.model.AttritionModel;
import dev.mlledger.domain.prediction.model.BooleanTerm;
import dev.mlledger.domain.prediction.model.FeatureDefinition;
import dev.mlledger.domain.prediction.model.LogisticRegressionModel;
import dev.mlledger.domain.prediction.model.NumberTerm;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.storage.StorageHealth;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * The use cases over the in-memory persistence adapter ({@code mlledger.persistence.adapter=memory}), with a small
 * model, so that the web adapter is tested through HTTP without a database.
 */
@Factory
public class WebTestFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    AttritionModel model() {
        return new LogisticRegressionModel("web-test-1", -1.0, List.of(
                new NumberTerm(FeatureDefinition.ofNumber("age", true), 0.01),
                new BooleanTerm(FeatureDefinition.ofBoolean("overtime", false), 0.8)));
    }

    @Singleton
    RiskThresholds thresholds() {
        return RiskThresholds.DEFAULT;
    }

    @Singleton
    RecordApiRequest recordApiRequest(RequestLog requestLog, UnitOfWork unitOfWork) {
        return new DirectRecorder(requestLog, unitOfWork);
    }

    @Singleton
    RunOnce runOnce(IdempotencyKeys keys, UnitOfWork unitOfWork, Clock clock) {
        return new RunOnceService(keys, unitOfWork, clock, Duration.ofHours(24));
    }

    @Singleton
    CheckHealth checkHealth(StorageHealth storageHealth) {
        return new CheckHealthService(storageHealth);
    }

    @Singleton
    ScoreEmployees scoreEmployees(AttritionModel model, RiskThresholds thresholds, Predictions predictions,
                                  UnitOfWork unitOfWork, Clock clock) {
        return new ScoreEmployeesService(model, thresholds, predictions, unitOfWork, clock);
    }

    @Singleton
    RecordPrediction recordPrediction(RiskThresholds thresholds, Predictions predictions, UnitOfWork unitOfWork,
                                      Clock clock) {
        return new RecordPredictionService(thresholds, predictions, unitOfWork, clock);
    }

    @Singleton
    FindPredictions findPredictions(Predictions predictions, UnitOfWork unitOfWork, Clock clock) {
        return new FindPredictionsService(predictions, unitOfWork, clock);
    }

    @Singleton
    FindRequest findRequest(RequestLog requestLog, Predictions predictions, UnitOfWork unitOfWork) {
        return new FindRequestService(requestLog, predictions, unitOfWork);
    }

    @Singleton
    AnalyzeRisk analyzeRisk(Predictions predictions, UnitOfWork unitOfWork) {
        return new AnalyzeRiskService(predictions, unitOfWork);
    }

    @Singleton
    PurgeRequestLog purgeRequestLog(RequestLog requestLog, UnitOfWork unitOfWork, Clock clock) {
        return new PurgeRequestLogService(requestLog, unitOfWork, clock, 100);
    }

    @Singleton
    DescribeModel describeModel(AttritionModel model, RiskThresholds thresholds) {
        return new DescribeModelService(model, thresholds);
    }

    @Singleton
    CreateExperiment createExperiment(Experiments experiments, Runs runs, Tags tags, UnitOfWork unitOfWork, Clock clock) {
        return new CreateExperimentService(experiments, runs, tags, unitOfWork, clock);
    }

    @Singleton
    FindExperiments findExperiments(Experiments experiments, Runs runs, Tags tags, UnitOfWork unitOfWork) {
        return new FindExperimentsService(experiments, runs, tags, unitOfWork);
    }

    @Singleton
    UpdateExperiment updateExperiment(Experiments experiments, UnitOfWork unitOfWork) {
        return new UpdateExperimentService(experiments, unitOfWork);
    }

    @Singleton
    DeleteExperiment deleteExperiment(Experiments experiments, UnitOfWork unitOfWork) {
        return new DeleteExperimentService(experiments, unitOfWork);
    }

    @Singleton
    StartRun startRun(Experiments experiments, Runs runs, Tags tags, UnitOfWork unitOfWork, Clock clock) {
        return new StartRunService(experiments, runs, tags, unitOfWork, clock);
    }

    @Singleton
    FindRun findRun(Runs runs, Metrics metrics, Params params, Tags tags, UnitOfWork unitOfWork) {
        return new FindRunService(runs, metrics, params, tags, unitOfWork);
    }

    @Singleton
    SearchRuns searchRuns(RunSearch runSearch, Params params, Tags tags, UnitOfWork unitOfWork) {
        return new SearchRunsService(runSearch, params, tags, unitOfWork);
    }

    @Singleton
    UpdateRun updateRun(Runs runs, Experiments experiments, UnitOfWork unitOfWork, Clock clock) {
        return new UpdateRunService(runs, experiments, unitOfWork, clock);
    }

    @Singleton
    DeleteRun deleteRun(Runs runs, Experiments experiments, UnitOfWork unitOfWork) {
        return new DeleteRunService(runs, experiments, unitOfWork);
    }

    @Singleton
    LogRunData logRunData(Runs runs, Experiments experiments, Metrics metrics, Params params, Tags tags,
                          UnitOfWork unitOfWork, Clock clock) {
        return new LogRunDataService(runs, experiments, metrics, params, tags, unitOfWork, clock);
    }

    @Singleton
    UntagRun untagRun(Runs runs, Experiments experiments, Tags tags, UnitOfWork unitOfWork) {
        return new UntagRunService(runs, experiments, tags, unitOfWork);
    }

    @Singleton
    PurgeExperiment purgeExperiment(Experiments experiments, UnitOfWork unitOfWork) {
        return new PurgeExperimentService(experiments, unitOfWork);
    }

    @Singleton
    TagExperiment tagExperiment(Experiments experiments, Tags tags, UnitOfWork unitOfWork) {
        return new TagExperimentService(experiments, tags, unitOfWork);
    }

    @Singleton
    LogMetrics logMetrics(Runs runs, Experiments experiments, Metrics metrics, UnitOfWork unitOfWork, Clock clock) {
        return new LogMetricsService(runs, experiments, metrics, unitOfWork, clock);
    }

    @Singleton
    MetricHistory metricHistory(Runs runs, Metrics metrics, UnitOfWork unitOfWork) {
        return new MetricHistoryService(runs, metrics, unitOfWork);
    }

    /** The token use cases, with {@link WebTest#ADMIN_TOKEN} seeded as the admin's token. */
    @Singleton
    @Bean(typed = {IssueApiToken.class, ManageApiTokens.class, AuthenticateApiToken.class, SeedAdminToken.class})
    ApiTokenService apiTokens(ApiTokens tokens, UnitOfWork unitOfWork, Clock clock) {
        ApiTokenService service = new ApiTokenService(tokens, unitOfWork, clock);
        service.seed(Optional.of(WebTest.ADMIN_TOKEN));
        return service;
    }
}
