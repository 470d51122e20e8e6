package net.twampagent.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import net.twampagent.dataplane.config.AuthMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our crypto against bytes captured from perfSONAR owamp 5.2.3 twping and twampd (authenticated, encrypted and
 * mixed modes; see the header of each resource file for how). Each side of each exchange is replayed: what we
 * seal must be the octets perfSONAR put on the wire, and what perfSONAR sent must open to its plaintext.
 */
class PerfsonarKnownAnswerTest {
    static Stream<PerfsonarVectors> connections() {
        return Stream.of("perfsonar-authenticated.txt", "perfsonar-encrypted.txt", "perfsonar-mixed.txt")
            .map(PerfsonarVectors::load);
    }

    static Stream<PerfsonarVectors> testSessions() {
        return connections().filter(v -> v.mode() != AuthMode.CONTROL_ONLY_ENCRYPTED);
    }

    private static ByteBuffer direct(final byte[] octets) {
        return ByteBuffer.allocateDirect(octets.length).put(octets).flip();
    }

    private static byte[] octets(final ByteBuffer buffer) {
        final byte[] out = new byte[buffer.remaining()];
        buffer.get(buffer.position(), out);
        return out;
    }

    @ParameterizedTest
    @MethodSource("connections")
    void twpingSendsTheModeAndAKeyIdZeroPaddedTo80Octets(final PerfsonarVectors v) {
        final byte[] keyIdField = v.part("setup-response", 4, 84);
        final byte[] expected = Arrays.copyOf(v.keyId().getBytes(java.nio.charset.StandardCharsets.UTF_8), 80);
        assertArrayEquals(expected, keyIdField);
        assertEquals(v.mode().bit(), v.part("setup-response", 0, 4)[3]);
        assertEquals(2048, v.count());
    }

    @ParameterizedTest
    @MethodSource("connections")
    void ourTokenIsTwpingsTokenForTheSameKeys(final PerfsonarVectors v) {
        final byte[] token = SetupToken.seal(v.secret(), v.salt(), v.count(), v.challenge(), v.sessionKeys());
        assertArrayEquals(v.get("token"), token);
        assertArrayEquals(v.part("setup-response", 84, 148), token);
    }

    @ParameterizedTest
    @MethodSource("connections")
    void ourServerOpensTwpingsTokenToItsSessionKeys(final PerfsonarVectors v) {
        final TokenVerifier verifier = new TokenVerifier(Map.of(v.keyId(), v.secret()), new SecureRandom());
        final SessionKeys keys = verifier.verify(v.keyId(), v.salt(), v.count(), v.challenge(),
            v.part("setup-response", 84, 148)).orElseThrow();
        assertArrayEquals(v.get("aes-session-key"), keys.aesKey());
        assertArrayEquals(v.get("hmac-session-key"), keys.hmacKey());
    }

    /** Our server end, fed twping's messages and sending twampd's, must match twampd octet for octet. */
    @ParameterizedTest
    @MethodSource("connections")
    void serverEndReproducesTwampd(final PerfsonarVectors v) {
        final ControlChannel server = ControlChannel.forServer(v.sessionKeys(), v.clientIv(), v.serverIv());

        final ByteBuffer startTime = direct(v.part("server-start-plain", 32, 48));
        server.encryptOutgoing(startTime);
        assertArrayEquals(v.part("server-start", 32, 48), octets(startTime));

        assertOpens(server, v.get("request-tw-session"), v.get("request-tw-session-plain"));
        assertSeals(server, v.get("accept-session-plain"), v.get("accept-session"));
        assertOpens(server, v.get("start-sessions"), v.get("start-sessions-plain"));
        assertSeals(server, v.get("start-ack-plain"), v.get("start-ack"));
        assertOpens(server, v.get("stop-sessions"), v.get("stop-sessions-plain"));
    }

    /** Our client end, fed twampd's messages and sending twping's, must match twping octet for octet. */
    @ParameterizedTest
    @MethodSource("connections")
    void clientEndReproducesTwping(final PerfsonarVectors v) {
        final ControlChannel client = ControlChannel.forClient(v.sessionKeys(), v.clientIv(), v.serverIv());

        final ByteBuffer startTime = ByteBuffer.wrap(v.part("server-start", 32, 48));
        client.decryptIncoming(startTime);
        assertArrayEquals(v.part("server-start-plain", 32, 48), octets(startTime));

        assertSeals(client, v.get("request-tw-session-plain"), v.get("request-tw-session"));
        assertOpens(client, v.get("accept-session"), v.get("accept-session-plain"));
        assertSeals(client, v.get("start-sessions-plain"), v.get("start-sessions"));
        assertOpens(client, v.get("start-ack"), v.get("start-ack-plain"));
        assertSeals(client, v.get("stop-sessions-plain"), v.get("stop-sessions"));
    }

    /** The server reads a request's first block alone to learn its type, then the rest: the chain must not care. */
    @ParameterizedTest
    @MethodSource("connections")
    void aRequestReadBlockByBlockOpensTheSame(final PerfsonarVectors v) {
        final ControlChannel server = ControlChannel.forServer(v.sessionKeys(), v.clientIv(), v.serverIv());
        server.encryptOutgoing(ByteBuffer.wrap(v.part("server-start-plain", 32, 48)));
        final ByteBuffer request = ByteBuffer.wrap(v.get("request-tw-session"));
        server.decryptIncoming(request.slice(0, 16));
        assertEquals(5, request.get(0), "Request-TW-Session");
        server.decryptIncoming(request.slice(16, 80));
        assertTrue(server.verifyIncoming(request.slice(96, 16)));
        assertArrayEquals(v.get("request-tw-session-plain"), request.array());
    }

    @ParameterizedTest
    @MethodSource("testSessions")
    void testKeysFollowFromTheSid(final PerfsonarVectors v) {
        final SessionKeys keys = v.sessionKeys().forTestSession(v.get("sid"));
        assertArrayEquals(v.get("test-aes-key"), keys.aesKey());
        assertArrayEquals(v.get("test-hmac-key"), keys.hmacKey());
        assertArrayEquals(v.get("sid"), v.part("accept-session-plain", 4, 20), "the SID comes in Accept-Session");
    }

    @ParameterizedTest
    @MethodSource("testSessions")
    void testPacketsMatchTwpingAndTwampdBothWays(final PerfsonarVectors v) {
        final TestPacketProtection sender = TestPacketProtection.forSession(v.mode(), v.sessionKeys(), v.get("sid"));
        final TestPacketProtection reflector =
            TestPacketProtection.forSession(v.mode(), v.sessionKeys(), v.get("sid"));
        for (int i = 0; i < 2; i++) {
            final ByteBuffer sent = direct(v.get("sender-" + i + "-plain"));
            sender.sealSender(sent);
            assertArrayEquals(v.get("sender-" + i), octets(sent), "twping's sender packet " + i);

            final ByteBuffer arrived = ByteBuffer.wrap(v.get("sender-" + i));
            assertTrue(reflector.openSender(arrived));
            assertArrayEquals(v.get("sender-" + i + "-plain"), octets(arrived));

            final ByteBuffer reflected = ByteBuffer.wrap(v.get("reflector-" + i + "-plain"));
            reflector.sealReflector(reflected);
            assertArrayEquals(v.get("reflector-" + i), octets(reflected), "twampd's reflected packet " + i);

            final ByteBuffer back = direct(v.get("reflector-" + i));
            assertTrue(sender.openReflector(back));
            assertArrayEquals(v.get("reflector-" + i + "-plain"), octets(back));
        }
    }

    private static void assertSeals(final ControlChannel channel, final byte[] plain, final byte[] wire) {
        final ByteBuffer message = ByteBuffer.wrap(plain);
        channel.sealMessage(message);
        assertArrayEquals(wire, message.array());
    }

    private static void assertOpens(final ControlChannel channel, final byte[] wire, final byte[] plain) {
        final ByteBuffer message = direct(wire);
        assertTrue(channel.openMessage(message));
        assertArrayEquals(plain, octets(message));
    }
}
