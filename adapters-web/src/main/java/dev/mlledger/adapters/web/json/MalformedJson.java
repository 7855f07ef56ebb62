package dev.mlledger.adapters.web.json;

/** A request body that is not JSON at all. */
public class MalformedJson extends RuntimeException {

    public MalformedJson(String detail) {
        super(detail);
    }
}
