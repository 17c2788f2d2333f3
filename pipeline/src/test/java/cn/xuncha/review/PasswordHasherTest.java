package cn.xuncha.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PBKDF2 hashes: salted, slow, verifiable, and unknown users cost the same work. */
class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreSaltedAndVerify() {
        String a = hasher.hash("correct-horse".toCharArray());
        String b = hasher.hash("correct-horse".toCharArray());
        assertNotEquals(a, b, "a fresh salt per hash");
        assertTrue(a.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"));
        assertTrue(PasswordHasher.ITERATIONS >= 210_000);
        assertTrue(hasher.verify("correct-horse".toCharArray(), a));
        assertFalse(hasher.verify("correct-horsf".toCharArray(), a));
        assertFalse(hasher.verify("correct-horse".toCharArray(), null), "unknown user");
        assertFalse(hasher.verify("x".toCharArray(), "md5$abc"), "foreign format");
    }

    @Test
    void storedIterationCountIsHonoured() {
        String h = hasher.hash("correct-horse".toCharArray());
        String[] p = h.split("\\$");
        assertEquals(4, p.length);
        String weaker = p[0] + "$1000$" + p[2] + "$" + p[3];
        assertFalse(hasher.verify("correct-horse".toCharArray(), weaker), "the hash was derived with the stored count");
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("short".toCharArray()));
    }
}
