package dev.mlledger.adapters.web.mlflow;

/**
 * Where MLflow's clients look for the tracking API: {@code /api/2.0/mlflow/…} (the Java, Python and R clients) and
 * {@code /ajax-api/2.0/mlflow/…} (MLflow's web UI). Every MLflow route answers under both.
 */
public final class MlflowPaths {

    public static final String API = "/api/2.0/mlflow";
    public static final String AJAX = "/ajax-api/2.0/mlflow";

    private MlflowPaths() {
    }

    /** Whether a request path is one of MLflow's, known route or not. */
    public static boolean isMlflow(String path) {
        return path.startsWith(API + "/") || path.startsWith(AJAX + "/");
    }
}
