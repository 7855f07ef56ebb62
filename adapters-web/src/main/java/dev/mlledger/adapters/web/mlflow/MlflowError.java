package dev.mlledger.adapters.web.mlflow;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The body of every MLflow error answer: {@code {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "…"}}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MlflowError(String errorCode, String message) {
}
