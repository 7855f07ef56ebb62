package dev.mlledger.adapters.web.mlflow;

import dev.mlledger.adapters.web.error.Problem;
import dev.mlledger.adapters.web.requestlog.RequestLogFilter;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;

/**
 * Every error answer under MLflow's paths in MLflow's shape: the problem+json body that the rest of mlledger's error
 * handling made (from a domain exception, a binding failure, a security refusal, a filter's refusal, a route that
 * does not exist) becomes {@code {"error_code": …, "message": …}} with MLflow's status for the code
 * ({@link MlflowErrors}), keeping its headers ({@code WWW-Authenticate}, {@code Retry-After}) and its message, which
 * is already safe for clients. So MLflow clients read errors as MLflow's server writes them, and the handlers of
 * {@code /api/v1} stay the only place that decides what went wrong.
 */
@ServerFilter({MlflowPaths.API + "/**", MlflowPaths.AJAX + "/**"})
public class MlflowErrorFilter implements Ordered {

    /**
     * Just inside the request-log filter, outside every other: it sees the answers the others give (the admission
     * filter's 503 included), and the request log records the status the client got.
     */
    public static final int ORDER = RequestLogFilter.ORDER + 1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @ResponseFilter
    public void inMlflowShape(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.body() instanceof Problem problem)) {
            return;
        }
        MlflowErrorCode code = MlflowErrors.code(RouteAttributes.getException(response).orElse(null),
                response.status());
        HttpStatus status = MlflowErrors.status(code, response.status());
        String message = code == MlflowErrorCode.ENDPOINT_NOT_FOUND
                ? "mlledger does not answer " + request.getMethodName() + " " + request.getPath()
                  + "; docs/mlflow.md lists the MLflow endpoints it answers"
                : problem.detail() == null ? problem.title() : problem.detail();
        response.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(new MlflowError(code.name(), message));
    }
}
