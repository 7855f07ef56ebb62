package dev.mlledger.adapters.web.mlflow;

import io.micronaut.http.HttpStatus;

/**
 * The codes of MLflow's error bodies that this adapter answers with (databricks.proto's {@code ErrorCode}), each with
 * the HTTP status MLflow's server gives it ({@code mlflow/exceptions.py}). MLflow answers its {@code INVALID_STATE}
 * with 500; mlledger answers a request that conflicts with the state of a run or experiment with
 * {@link #RESOURCE_CONFLICT} (409) instead, so that no client error looks like a server fault.
 */
public enum MlflowErrorCode {
    INVALID_PARAMETER_VALUE(HttpStatus.BAD_REQUEST),
    /** The body is not JSON; MLflow's own server reads such a body as {@code {}}. */
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    RESOURCE_ALREADY_EXISTS(HttpStatus.BAD_REQUEST),
    RESOURCE_DOES_NOT_EXIST(HttpStatus.NOT_FOUND),
    ENDPOINT_NOT_FOUND(HttpStatus.NOT_FOUND),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    PERMISSION_DENIED(HttpStatus.FORBIDDEN),
    RESOURCE_CONFLICT(HttpStatus.CONFLICT),
    /** Lost a race with another change: MLflow's status for it is 409, which its clients may retry. */
    ABORTED(HttpStatus.CONFLICT),
    TEMPORARILY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    MlflowErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
