package net.twampagent.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha1Test {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] digest(final byte[] key, final byte[] data) {
        final HmacSha1 hmac = new HmacSha1(key);
        hmac.update(data, 0, data.length);
        final byte[] out = new byte[HmacSha1.LENGTH];
        hmac.finish(out, 0);
        return out;
    }

    @Test
    void matchesRfc2202TestCases() {
        final byte[] larger = new byte[80];
        Arrays.fill(larger, (byte) 0xaa);
        final byte[] twenty = new byte[20];
        Arrays.fill(twenty, (byte) 0x0b);
        assertArrayEquals(HEX.parseHex("b617318655057264e28bc0b6fb378c8ef146be00"),
            digest(twenty, "Hi There".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(HEX.parseHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
            digest("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(HEX.parseHex("aa4ae5e15272d00e95705637ce8a3b55ed402112"),
            digest(larger, "Test Using Larger Than Block-Size Key - Hash Key First"
                .getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void equalsTheJdkMacForManyKeysAndLengthsAndRestartsAfterEachDigest() throws Exception {
        final Random random = new Random(4656);
        final Mac mac = Mac.getInstance("HmacSHA1");
        for (int round = 0; round < 200; round++) {
            final byte[] key = new byte[1 + random.nextInt(100)];
            random.nextBytes(key);
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            final HmacSha1 ours = new HmacSha1(key);
            for (int message = 0; message < 3; message++) {
                final byte[] data = new byte[random.nextInt(200)];
                random.nextBytes(data);
                final int split = data.length / 3;
                ours.update(data, 0, split);
                ours.update(ByteBuffer.wrap(data, split, data.length - split));
                final byte[] out = new byte[HmacSha1.LENGTH + 3];
                ours.finish(out, 3);
                assertArrayEquals(mac.doFinal(data), Arrays.copyOfRange(out, 3, out.length));
            }
        }
    }

    @Test
    void truncatedComparisonLooksAtExactlySixteenOctets() {
        final byte[] digest = new byte[HmacSha1.LENGTH];
        final byte[] field = new byte[HmacSha1.TRUNCATED_LENGTH];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = (byte) i;
        }
        System.arraycopy(digest, 0, field, 0, field.length);
        assertTrue(HmacSha1.matchesTruncated(digest, field));
        digest[19] ^= 1;
        assertTrue(HmacSha1.matchesTruncated(digest, field), "octets beyond 16 are not sent, so not compared");
        for (int i = 0; i < field.length; i++) {
            field[i] ^= (byte) 0x80;
            assertFalse(HmacSha1.matchesTruncated(digest, field), "a difference at octet " + i);
            field[i] ^= (byte) 0x80;
        }
    }
}
