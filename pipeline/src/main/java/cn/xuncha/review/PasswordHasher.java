package cn.xuncha.review;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes ({@value #ITERATIONS} iterations, OWASP 2023 guidance), stored as
 * {@code pbkdf2-sha256$iterations$salt$hash} so the cost can be raised later without breaking old hashes.
 */
public final class PasswordHasher {
    public static final int ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the user does not exist, so a wrong name costs as much time as a wrong password. */
    private static final class Dummy {
        // a holder class: the KDF runs on the first login (a worker thread), not when the web app is assembled
        static final String HASH = new PasswordHasher().hash("dummy-password".toCharArray());
    }

    public String hash(char[] password) {
        if (password == null || password.length < 8) throw new IllegalArgumentException("password must be at least 8 characters");
        if (password.length > 256) throw new IllegalArgumentException("password must be at most 256 characters");
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Constant-time check of {@code password} against a stored hash; a null hash (unknown user) still spends the time. */
    public boolean verify(char[] password, String stored) {
        boolean known = stored != null;
        String[] parts = (known ? stored : Dummy.HASH).split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX) || password == null || password.length > 256) return false;
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual) && known;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
