package net.twampagent.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import net.twampagent.dataplane.config.SharedSecret;
import org.junit.jupiter.api.Test;

class SetupTokenTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNT = 1024;
    private static final SharedSecret SECRET = SharedSecret.ofPassphrase("correct horse");

    private static byte[] random16() {
        final byte[] octets = new byte[16];
        RANDOM.nextBytes(octets);
        return octets;
    }

    private static byte[] counting(final int from, final int length) {
        final byte[] octets = new byte[length];
        for (int i = 0; i < length; i++) {
            octets[i] = (byte) (from + i);
        }
        return octets;
    }

    /**
     * Computed from first principles, independently of this code: dk with python3 {@code hashlib.pbkdf2_hmac('sha1',
     * bytes.fromhex('fffe0080c328'), bytes(range(16)), 1024, 16)}, then octets 0x20..0x5f (challenge, AES key, HMAC
     * key) through {@code openssl enc -aes-128-cbc -K <dk> -iv 00000000000000000000000000000000 -nopad}.
     */
    @Test
    void sealsAsTheRfcAlgorithmComputedElsewhere() {
        final SharedSecret secret = SharedSecret.ofBytes(HEX.parseHex("fffe0080c328"));
        final byte[] token = SetupToken.seal(secret, counting(0, 16), COUNT, counting(0x20, 16),
            SessionKeys.of(counting(0x30, 16), counting(0x40, 32)));
        assertArrayEquals(HEX.parseHex("274285a006fdc8a85331121edbdea1bd7e5d7fb2132728aa6029832249aa92d2"
            + "74211e1ea1def7802bb1e77a681a07d2e5c9b3bf0d04f8bee970d68a7282bc25"), token);
    }

    @Test
    void theServerGetsTheKeysTheClientSealed() {
        final byte[] salt = random16();
        final byte[] challenge = random16();
        final SessionKeys keys = SessionKeys.generate(RANDOM);
        final byte[] token = SetupToken.seal(SECRET, salt, COUNT, challenge, keys);
        final TokenVerifier verifier = new TokenVerifier(Map.of("alice", SECRET), RANDOM);
        final SessionKeys opened = verifier.verify("alice", salt, COUNT, challenge, token).orElseThrow();
        assertArrayEquals(keys.aesKey(), opened.aesKey());
        assertArrayEquals(keys.hmacKey(), opened.hmacKey());
    }

    @Test
    void wrongSecretUnknownKeyIdAndNoKeyIdAllGetTheSameEmptyAnswer() {
        final byte[] salt = random16();
        final byte[] challenge = random16();
        final byte[] token = SetupToken.seal(SharedSecret.ofPassphrase("guess"), salt, COUNT, challenge,
            SessionKeys.generate(RANDOM));
        final TokenVerifier verifier = new TokenVerifier(
            Map.of("alice", SECRET, "bob", SharedSecret.ofPassphrase("guess")), RANDOM);
        final Optional<SessionKeys> wrongSecret = verifier.verify("alice", salt, COUNT, challenge, token);
        final Optional<SessionKeys> unknownKeyId = verifier.verify("mallory", salt, COUNT, challenge, token);
        final Optional<SessionKeys> noKeyId = verifier.verify(null, salt, COUNT, challenge, token);
        assertEquals(Optional.empty(), wrongSecret);
        assertEquals(wrongSecret, unknownKeyId);
        assertEquals(wrongSecret, noKeyId);
        assertTrue(verifier.verify("bob", salt, COUNT, challenge, token).isPresent(), "the token itself is sound");
    }

    @Test
    void anotherGreetingsChallengeSaltOrCountIsRefused() {
        final byte[] salt = random16();
        final byte[] challenge = random16();
        final byte[] token = SetupToken.seal(SECRET, salt, COUNT, challenge, SessionKeys.generate(RANDOM));
        assertFalse(SetupToken.open(SECRET, salt, COUNT, random16(), token).isPresent());
        assertFalse(SetupToken.open(SECRET, random16(), COUNT, challenge, token).isPresent());
        assertFalse(SetupToken.open(SECRET, salt, COUNT * 2, challenge, token).isPresent());
    }

    @Test
    void aTamperedChallengeBlockIsRefused() {
        final byte[] salt = random16();
        final byte[] challenge = random16();
        final byte[] token = SetupToken.seal(SECRET, salt, COUNT, challenge, SessionKeys.generate(RANDOM));
        for (int i = 0; i < 16; i++) {
            final byte[] tampered = token.clone();
            tampered[i] ^= 0x01;
            assertFalse(SetupToken.open(SECRET, salt, COUNT, challenge, tampered).isPresent(), "octet " + i);
        }
    }

    /**
     * CBC lets blocks 1-3 of a Token be altered without touching the challenge block; the keys then differ from
     * the client's and the first HMAC the server checks fails. This is the protocol's design (RFC 4656 §3.1), and
     * why the control channel must verify every message before acting on it.
     */
    @Test
    void aTamperedKeyBlockYieldsKeysWhoseFirstHmacFails() {
        final byte[] salt = random16();
        final byte[] challenge = random16();
        final SessionKeys clientKeys = SessionKeys.generate(RANDOM);
        final byte[] token = SetupToken.seal(SECRET, salt, COUNT, challenge, clientKeys);
        token[40] ^= 0x01;
        final SessionKeys serverKeys = SetupToken.open(SECRET, salt, COUNT, challenge, token).orElseThrow();
        assertFalse(Arrays.equals(clientKeys.hmacKey(), serverKeys.hmacKey()));

        final byte[] clientIv = random16();
        final byte[] serverIv = random16();
        final ControlChannel client = ControlChannel.forClient(clientKeys, clientIv, serverIv);
        final ControlChannel server = ControlChannel.forServer(serverKeys, clientIv, serverIv);
        final ByteBuffer startSessions = ByteBuffer.allocate(32).put(0, (byte) 2);
        client.sealMessage(startSessions);
        assertFalse(server.openMessage(startSessions));
    }

    @Test
    void badArgumentsAreNamedAndTheSecretNeverShows() {
        final SharedSecret secret = SharedSecret.ofPassphrase("do-not-print-me");
        final SessionKeys keys = SessionKeys.generate(RANDOM);
        final IllegalArgumentException salt = assertThrows(IllegalArgumentException.class,
            () -> SetupToken.seal(secret, new byte[15], COUNT, random16(), keys));
        assertEquals("Salt must be 16 octets, not 15", salt.getMessage());
        final IllegalArgumentException challenge = assertThrows(IllegalArgumentException.class,
            () -> SetupToken.open(secret, random16(), COUNT, new byte[17], new byte[64]));
        assertEquals("Challenge must be 16 octets, not 17", challenge.getMessage());
        final IllegalArgumentException token = assertThrows(IllegalArgumentException.class,
            () -> SetupToken.open(secret, random16(), COUNT, random16(), new byte[48]));
        assertEquals("Token must be 64 octets, not 48", token.getMessage());
        final IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
            () -> SetupToken.open(secret, random16(), 0, random16(), new byte[64]));
        assertFalse(count.getMessage().contains("do-not-print-me"));
        assertEquals("SessionKeys[redacted]", keys.toString());
        assertEquals("SessionKeys[redacted]", keys.forTestSession(random16()).toString());
        assertEquals("AES Session-key must be 16 octets, not 32", assertThrows(IllegalArgumentException.class,
            () -> SessionKeys.of(new byte[32], new byte[32])).getMessage());
    }
}
