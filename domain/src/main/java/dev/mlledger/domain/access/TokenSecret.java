package dev.mlledger.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of an API token: {@value #PREFIX} and 256 random bits in URL-safe base64, so that a leaked one is
 * recognisable (secret scanners match the prefix). Only its SHA-256 hash is kept: the secret has full entropy, so
 * a slow password hash would add nothing but cost on every request.
 */
public final class TokenSecret {

    public static final String PREFIX = "mll_";
    private static final int RANDOM_BYTES = 32;
    /** {@value #PREFIX} plus 43 base64 characters. */
    public static final int LENGTH = PREFIX.length() + 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the form of a secret this class makes (it may still be unknown). */
    public static boolean looksLikeOne(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            boolean base64Url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64Url) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two secrets are the same, in a time that does not tell how much of them matched (only their
     * lengths, which the format fixes).
     */
    public static boolean sameSecret(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < a.length(); i++) {
            difference |= a.charAt(i) ^ b.charAt(i);
        }
        return difference == 0;
    }

    /** The hex SHA-256 of the secret: what is stored and looked up. */
    public static String hash(String secret) {
        return hash(newDigest(), secret);
    }

    /** {@link #hash(String)} with a SHA-256 digest of the caller's (reset after use), for hot paths that keep one. */
    public static String hash(MessageDigest sha256, String secret) {
        return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new SHA-256 digest. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
