package net.twampagent.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class Pbkdf2HmacSha1Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PASSWORD = "password".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SALT = "salt".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6070 §2 gives 20-octet results; TWAMP takes the first 16. */
    @Test
    void matchesRfc6070Vectors() {
        assertArrayEquals(HEX.parseHex("0c60c80f961f0e71f3a9b524af601206"), Pbkdf2HmacSha1.derive(PASSWORD, SALT, 1));
        assertArrayEquals(HEX.parseHex("ea6c014dc72d6f8ccd1ed92ace1d41f0"), Pbkdf2HmacSha1.derive(PASSWORD, SALT, 2));
        assertArrayEquals(HEX.parseHex("4b007901b765489abead49d926f721d0"),
            Pbkdf2HmacSha1.derive(PASSWORD, SALT, 4096));
    }

    @Test
    void equalsTheJdkPbkdf2WithHmacSha1ForUtf8Secrets() throws Exception {
        final String passphrase = "clé partagée ✓";
        final byte[] salt = HEX.parseHex("1ef6c002b035e93e5513888e911cb213");
        final byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
            .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, 2048, 128)).getEncoded();
        assertArrayEquals(jdk, Pbkdf2HmacSha1.derive(passphrase.getBytes(StandardCharsets.UTF_8), salt, 2048));
    }

    /**
     * A secret that is not UTF-8, which the JDK's char[]-based PBKDF2 cannot take. Expected value computed
     * independently with python3 {@code hashlib.pbkdf2_hmac('sha1', bytes.fromhex('fffe0080c328'),
     * bytes(range(16)), 1024, 16)}.
     */
    @Test
    void takesSecretsOfAnyOctets() {
        final byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        assertArrayEquals(HEX.parseHex("ea8c4d05d8f7794e6ac093b48db8fe45"),
            Pbkdf2HmacSha1.derive(HEX.parseHex("fffe0080c328"), salt, 1024));
    }

    @Test
    void refusesACountBelowOneAndOneAbove2To31WithTheUnsignedValue() {
        assertEquals("PBKDF2 count must be at least 1, not 0",
            assertThrows(IllegalArgumentException.class, () -> Pbkdf2HmacSha1.derive(PASSWORD, SALT, 0))
                .getMessage());
        assertEquals("PBKDF2 count must be at least 1, not 2147483648",
            assertThrows(IllegalArgumentException.class,
                () -> Pbkdf2HmacSha1.derive(PASSWORD, SALT, Integer.MIN_VALUE)).getMessage());
    }
}
