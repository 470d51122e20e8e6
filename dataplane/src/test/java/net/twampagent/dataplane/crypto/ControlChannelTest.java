package net.twampagent.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client end and a server end of our own talking to each other, and what they do with altered octets. */
class ControlChannelTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ControlChannel client;
    private ControlChannel server;

    private static byte[] random(final int length) {
        final byte[] octets = new byte[length];
        RANDOM.nextBytes(octets);
        return octets;
    }

    /** A message of {@code length} octets, command {@code command}, random body, HMAC field zero. */
    private static byte[] message(final int command, final int length) {
        final byte[] octets = random(length);
        octets[0] = (byte) command;
        Arrays.fill(octets, length - 16, length, (byte) 0);
        return octets;
    }

    private void newConnection() {
        final SessionKeys keys = SessionKeys.generate(RANDOM);
        final byte[] clientIv = random(16);
        final byte[] serverIv = random(16);
        client = ControlChannel.forClient(keys, clientIv, serverIv);
        server = ControlChannel.forServer(keys, clientIv, serverIv);
    }

    /** A new connection up to and including the ciphered last block of Server-Start. */
    @BeforeEach
    void connect() {
        newConnection();
        final ByteBuffer startTime = ByteBuffer.wrap(random(16));
        final byte[] sent = startTime.array().clone();
        server.encryptOutgoing(startTime);
        assertFalse(Arrays.equals(sent, startTime.array()));
        client.decryptIncoming(startTime);
        assertArrayEquals(sent, startTime.array());
    }

    @Test
    void aWholeConversationOpensOnBothSidesToWhatWasSent() {
        final byte[][] fromClient = {message(5, 112), message(5, 112), message(2, 32), message(3, 32)};
        final byte[][] fromServer = {message(0, 48), message(0, 48), message(0, 32)};
        for (int i = 0; i < fromClient.length; i++) {
            exchange(client, server, fromClient[i]);
            if (i < fromServer.length) {
                exchange(server, client, fromServer[i]);
            }
        }
    }

    private static void exchange(final ControlChannel from, final ControlChannel to, final byte[] plain) {
        final ByteBuffer wire = ByteBuffer.allocateDirect(plain.length).put(plain).flip();
        from.sealMessage(wire);
        final byte[] sealed = new byte[plain.length];
        wire.get(0, sealed);
        assertFalse(Arrays.equals(plain, sealed));
        assertTrue(to.openMessage(wire));
        final byte[] opened = new byte[plain.length];
        wire.get(0, opened);
        assertArrayEquals(Arrays.copyOf(plain, plain.length - 16), Arrays.copyOf(opened, plain.length - 16));
        assertEquals(0, wire.position());
        assertEquals(plain.length, wire.limit());
    }

    @Test
    void anyAlteredOctetOfAMessageFailsItsHmac() {
        for (int i = 0; i < 112; i++) {
            connect();
            final ByteBuffer request = ByteBuffer.wrap(message(5, 112));
            client.sealMessage(request);
            request.put(i, (byte) (request.get(i) ^ 0x04));
            assertFalse(server.openMessage(request), "altered octet " + i);
        }
    }

    @Test
    void theServerStartBlockIsCoveredByTheServersFirstHmac() {
        for (final boolean alter : new boolean[] {false, true}) {
            newConnection();
            final ByteBuffer startTime = ByteBuffer.wrap(random(16));
            final ByteBuffer accept = ByteBuffer.wrap(message(0, 48));
            server.encryptOutgoing(startTime);
            server.sealMessage(accept);
            if (alter) {
                startTime.put(3, (byte) (startTime.get(3) ^ 0x10));
            }
            client.decryptIncoming(startTime);
            assertEquals(!alter, client.openMessage(accept), "Start-Time altered: " + alter);
        }
    }

    @Test
    void aReplayedMessageFailsBecauseTheChainHasMovedOn() {
        final ByteBuffer start = ByteBuffer.wrap(message(2, 32));
        client.sealMessage(start);
        final byte[] captured = start.array().clone();
        assertTrue(server.openMessage(start));
        assertFalse(server.openMessage(ByteBuffer.wrap(captured)));
    }

    @Test
    void messagesSwappedInOrderFail() {
        final ByteBuffer first = ByteBuffer.wrap(message(5, 112));
        final ByteBuffer second = ByteBuffer.wrap(message(2, 32));
        client.sealMessage(first);
        client.sealMessage(second);
        assertFalse(server.openMessage(second));
    }

    /**
     * Altering the first block of a message spoils its HMAC but not the chain (CBC continues from the intact
     * last block), so the next message would verify again: the channel must refuse it all the same.
     */
    @Test
    void onceAnHmacFailsTheReceivingSideStaysFailed() {
        final ByteBuffer bad = ByteBuffer.wrap(message(2, 32));
        client.sealMessage(bad);
        bad.put(0, (byte) (bad.get(0) ^ 1));
        assertFalse(server.openMessage(bad));
        final ByteBuffer next = ByteBuffer.wrap(message(3, 32));
        client.sealMessage(next);
        assertFalse(server.openMessage(next));
        assertEquals(3, next.get(0), "it did decrypt correctly, yet is refused");
    }

    @Test
    void sendingIsNotAffectedByAFailedReceive() {
        final ByteBuffer bad = ByteBuffer.wrap(random(32));
        assertFalse(server.openMessage(bad));
        final ByteBuffer ack = ByteBuffer.wrap(message(0, 32));
        server.sealMessage(ack);
        assertTrue(client.openMessage(ack));
    }

    @Test
    void worksOnASliceOfALargerBufferAndTouchesNothingOutsideIt() {
        final byte[] backing = random(200);
        final byte[] before = backing.clone();
        final ByteBuffer message = ByteBuffer.wrap(backing, 40, 32).slice();
        client.sealMessage(message);
        assertArrayEquals(Arrays.copyOf(before, 40), Arrays.copyOf(backing, 40));
        assertArrayEquals(Arrays.copyOfRange(before, 72, 200), Arrays.copyOfRange(backing, 72, 200));
        assertTrue(server.openMessage(ByteBuffer.wrap(backing, 40, 32)));
        assertArrayEquals(Arrays.copyOfRange(before, 40, 56), Arrays.copyOfRange(backing, 40, 56));
    }

    @Test
    void partialBlocksAndOddHmacFieldsAreRefusedWithTheirSize() {
        assertEquals("outgoing control data must be whole 16-octet blocks, not 20 octets",
            assertThrows(IllegalArgumentException.class, () -> client.encryptOutgoing(ByteBuffer.allocate(20)))
                .getMessage());
        assertEquals("incoming control data must be whole 16-octet blocks, not 15 octets",
            assertThrows(IllegalArgumentException.class, () -> server.decryptIncoming(ByteBuffer.allocate(15)))
                .getMessage());
        assertEquals("an HMAC field is 16 octets, not 32",
            assertThrows(IllegalArgumentException.class, () -> server.verifyIncoming(ByteBuffer.allocate(32)))
                .getMessage());
        assertEquals("a control message has at least its 16-octet HMAC field, not 8 octets",
            assertThrows(IllegalArgumentException.class, () -> client.sealMessage(ByteBuffer.allocate(8)))
                .getMessage());
    }

    @Test
    void theChannelStillWorksAfterRefusingBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> client.sealMessage(ByteBuffer.allocate(40)));
        final ByteBuffer start = ByteBuffer.wrap(message(2, 32));
        client.sealMessage(start);
        assertTrue(server.openMessage(start));
    }
}
