package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import net.twampagent.dataplane.config.SharedSecret;
import net.twampagent.dataplane.crypto.ControlChannel;
import net.twampagent.dataplane.crypto.SessionKeys;
import net.twampagent.dataplane.crypto.SetupToken;
import net.twampagent.dataplane.wire.ControlMessage;
import net.twampagent.dataplane.wire.ServerGreeting;
import net.twampagent.dataplane.wire.SetUpResponse;

/**
 * A ciphered control connection (modes 2, 4, 8) driven message by message, so that a test can alter or replay
 * the octets a well-behaved client would send once and intact.
 */
final class CipheredControl implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RawControl raw;
    private final ControlChannel channel;

    private CipheredControl(final RawControl raw, final ControlChannel channel) {
        this.raw = raw;
        this.channel = channel;
    }

    /** Greeted, authenticated with {@code keyId} and {@code secret} in {@code mode}, Server-Start accepted. */
    static CipheredControl ready(final InetSocketAddress server, final int mode, final String keyId,
            final SharedSecret secret) throws IOException {
        final RawControl raw = RawControl.connect(server);
        final ServerGreeting greeting = raw.greeting();
        final SessionKeys keys = SessionKeys.generate(RANDOM);
        final byte[] clientIv = new byte[16];
        RANDOM.nextBytes(clientIv);
        final byte[] keyIdField = Arrays.copyOf(keyId.getBytes(StandardCharsets.UTF_8), 80);
        raw.send(new SetUpResponse(mode, keyIdField,
            SetupToken.seal(secret, greeting.salt(), greeting.count(), greeting.challenge(), keys), clientIv));
        final byte[] start = new byte[48];
        raw.read(48).readBytes(start);
        assertEquals(0, start[15], "Server-Start Accept");
        final ControlChannel channel = ControlChannel.forClient(keys, clientIv, Arrays.copyOfRange(start, 16, 32));
        channel.decryptIncoming(ByteBuffer.wrap(start, 32, 16));
        return new CipheredControl(raw, channel);
    }

    /** The octets of {@code message} as this client sends it: ciphered, with its HMAC (advances the chain). */
    byte[] seal(final ControlMessage message) {
        final byte[] bytes = new byte[message.size()];
        message.encode(Unpooled.wrappedBuffer(bytes).clear());
        channel.sealMessage(ByteBuffer.wrap(bytes));
        return bytes;
    }

    void sendBytes(final byte[] bytes) throws IOException {
        raw.sendBytes(bytes);
    }

    /** The next message of {@code size} octets, deciphered; fails the test when its HMAC does not verify. */
    ByteBuf receive(final int size) throws IOException {
        final ByteBuf buf = raw.read(size);
        assertTrue(channel.openMessage(buf.nioBuffer()), "the server's message verifies");
        return buf;
    }

    boolean closedByServer() throws IOException {
        return raw.closedByServer();
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
