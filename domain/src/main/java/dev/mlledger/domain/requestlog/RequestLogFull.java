package dev.mlledger.domain.requestlog;

/**
 * The request log has no room for another request's entry right now (it is writing more slowly than requests
 * arrive), so the request was turned away before anything was done. Clients may retry later.
 */
public class RequestLogFull extends RuntimeException {

    public RequestLogFull(String message) {
        super(message);
    }
}
