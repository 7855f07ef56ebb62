package dev.mlledger.domain.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What makes two requests the same request, as a SHA-256 digest of what the client asked for (for HTTP: the
 * method, the target and the body's bytes). A key given again with another fingerprint names another request.
 */
public final class RequestFingerprint {

    public static final int LENGTH = 32;

    private final byte[] digest;

    private RequestFingerprint(byte[] digest) {
        this.digest = digest;
    }

    /** The fingerprint of the parts, in order; each part is length-prefixed, so no two lists of parts collide. */
    public static RequestFingerprint of(byte[]... parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (byte[] part : parts) {
            int length = part.length;
            sha256.update(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
            sha256.update(part);
        }
        return new RequestFingerprint(sha256.digest());
    }

    /** The fingerprint of text parts, each as UTF-8. */
    public static RequestFingerprint ofText(String... parts) {
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = parts[i].getBytes(StandardCharsets.UTF_8);
        }
        return of(bytes);
    }

    /** A fingerprint as a store kept it. */
    public static RequestFingerprint fromDigest(byte[] digest) {
        if (digest.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest has " + LENGTH + " bytes, not " + digest.length);
        }
        return new RequestFingerprint(digest.clone());
    }

    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestFingerprint that && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(digest);
    }
}
