package dev.mlledger.adapters.web.mlflow;

import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.ExperimentDeleted;
import dev.mlledger.domain.experiment.ExperimentNameTaken;
import dev.mlledger.domain.experiment.ParamAlreadyLogged;
import dev.mlledger.domain.experiment.RunDeleted;
import dev.mlledger.domain.idempotency.IdempotencyKeyReused;
import dev.mlledger.domain.requestlog.RequestLogFull;
import dev.mlledger.domain.storage.StorageUnavailable;
import dev.mlledger.domain.validation.Conflict;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;
import dev.mlledger.domain.validation.TooManyItems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.validation.ConstraintViolationException;

import java.io.IOException;

/**
 * The MLflow adapter's error mapping, in one place: which MLflow error code an answer gets, from the exception the
 * request ended in (the domain's, the framework's) or, when no exception is known (a route that does not exist, a
 * refusal of a filter), from the status the rest of mlledger chose.
 */
final class MlflowErrors {

    private MlflowErrors() {
    }

    static MlflowErrorCode code(@Nullable Throwable exception, HttpStatus status) {
        MlflowErrorCode byException = exception == null ? null : byException(exception);
        return byException != null ? byException : byStatus(status);
    }

    /**
     * The status of the answer: the code's own, but a refusal of the framework that MLflow has no code of its own
     * for (405, 413, 415) keeps its status.
     */
    static HttpStatus status(MlflowErrorCode code, HttpStatus given) {
        return code == MlflowErrorCode.BAD_REQUEST ? given : code.status();
    }

    private static @Nullable MlflowErrorCode byException(Throwable exception) {
        return switch (exception) {
            case NotFound ignored -> MlflowErrorCode.RESOURCE_DOES_NOT_EXIST;
            case InvalidInput ignored -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            // MLflow refuses a batch over its limits as an invalid parameter value, not as a body too large
            case TooManyItems ignored -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            case ConversionErrorException ignored -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            case UnsatisfiedRouteException ignored -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            case ConstraintViolationException ignored -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            case IdempotencyKeyReused ignored -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            case JsonSyntaxException ignored -> MlflowErrorCode.MALFORMED_REQUEST;
            case IOException ignored -> MlflowErrorCode.MALFORMED_REQUEST;
            case AccessDenied ignored -> MlflowErrorCode.PERMISSION_DENIED;
            case AuthorizationException refused -> refused.isForbidden()
                    ? MlflowErrorCode.PERMISSION_DENIED : MlflowErrorCode.UNAUTHENTICATED;
            case ConcurrentUpdate ignored -> MlflowErrorCode.ABORTED;
            case ExperimentNameTaken ignored -> MlflowErrorCode.RESOURCE_ALREADY_EXISTS;
            // MLflow's own answers to a param rewrite and to a write to a deleted run or experiment
            case ParamAlreadyLogged ignored -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            case ExperimentDeleted ignored -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            case RunDeleted ignored -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            case Conflict ignored -> MlflowErrorCode.RESOURCE_CONFLICT;
            case StorageUnavailable ignored -> MlflowErrorCode.TEMPORARILY_UNAVAILABLE;
            case RequestLogFull ignored -> MlflowErrorCode.TEMPORARILY_UNAVAILABLE;
            default -> null;
        };
    }

    private static MlflowErrorCode byStatus(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> MlflowErrorCode.INVALID_PARAMETER_VALUE;
            case UNAUTHORIZED -> MlflowErrorCode.UNAUTHENTICATED;
            case FORBIDDEN -> MlflowErrorCode.PERMISSION_DENIED;
            // no exception: no route matched, so it is the endpoint that does not exist
            case NOT_FOUND -> MlflowErrorCode.ENDPOINT_NOT_FOUND;
            case CONFLICT -> MlflowErrorCode.RESOURCE_CONFLICT;
            case SERVICE_UNAVAILABLE -> MlflowErrorCode.TEMPORARILY_UNAVAILABLE;
            default -> status.getCode() >= 500 ? MlflowErrorCode.INTERNAL_ERROR : MlflowErrorCode.BAD_REQUEST;
        };
    }
}
