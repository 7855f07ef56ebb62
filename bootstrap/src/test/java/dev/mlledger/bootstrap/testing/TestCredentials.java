package dev.mlledger.bootstrap.testing;

/** The credentials the tests use: the admin token {@code application-test.yml} seeds. */
public final class TestCredentials {

    public static final String ADMIN_TOKEN = "mll_test-admin-token-of-the-mlledger-test-suite";

    private TestCredentials() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
