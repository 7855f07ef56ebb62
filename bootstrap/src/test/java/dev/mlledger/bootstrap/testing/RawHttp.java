package dev.mlledger.bootstrap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends exactly the bytes a test chooses (malformed bodies, wrong media types) and returns the raw answer; as the
 * tests' admin ({@link TestCredentials#ADMIN_TOKEN}) unless made for other credentials.
 */
public final class RawHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    public RawHttp(URL baseUrl) {
        this(baseUrl.toString());
    }

    public RawHttp(String baseUrl) {
        this(baseUrl, TestCredentials.bearer(TestCredentials.ADMIN_TOKEN));
    }

    private RawHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = authorization;
    }

    /** The same service, with this {@code Authorization} header (null: none at all). */
    public RawHttp withAuthorization(String authorization) {
        return new RawHttp(baseUrl, authorization);
    }

    /** The same service, bearing this API token. */
    public RawHttp as(String token) {
        return withAuthorization(TestCredentials.bearer(token));
    }

    /** The same service, without credentials. */
    public RawHttp anonymous() {
        return withAuthorization(null);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
