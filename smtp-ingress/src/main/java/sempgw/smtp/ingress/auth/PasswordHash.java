package sempgw.smtp.ingress.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted password hash: PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) in the PHC string format,
 * {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>}, salt and hash in standard Base64 without
 * padding (RFC 4648 §4). 16-octet random salt, 32-octet hash, {@value #DEFAULT_ITERATIONS}
 * iterations by default (the OWASP recommendation for PBKDF2-HMAC-SHA256 in 2023).
 */
public final class PasswordHash {
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a new password with a fresh salt; the caller zeroes {@code password}. */
    public static String create(char[] password, int iterations, SecureRandom random) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        if (password.length == 0) {
            throw new IllegalArgumentException("empty password");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        PasswordHash h = new PasswordHash(iterations, salt, derive(password, salt, iterations));
        return h.encoded();
    }

    /** @throws IllegalArgumentException if {@code encoded} is not in the format above */
    public static PasswordHash parse(String encoded) {
        if (!encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a $pbkdf2-sha256$ hash");
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > 8 || !parts[0].chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("malformed $pbkdf2-sha256$ hash");
        }
        int iterations = Integer.parseInt(parts[0]);
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(parts[1]);
        byte[] hash = b64.decode(parts[2]);
        if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("unacceptable $pbkdf2-sha256$ parameters");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    /** Constant-time comparison of the derived hash; an empty password never matches. */
    public boolean matches(char[] password) {
        if (password.length == 0) {
            return false;
        }
        byte[] candidate = derive(password, salt, iterations);
        try {
            return MessageDigest.isEqual(candidate, hash);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    public int iterations() {
        return iterations;
    }

    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[pbkdf2-sha256, i=" + iterations + ", redacted]";
    }
}
