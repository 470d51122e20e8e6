package net.twampagent.dataplane.reflector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ReflectStepTest {
    private static final HexFormat HEX = HexFormat.of();
    // Sender packet (RFC 4656 §4.1.2): seq 0x01020304, timestamp 0xE1E2E3E4_F1F2F3F4, error estimate 0x3FFF.
    private static final String SENDER_HEADER = "01020304" + "e1e2e3e4f1f2f3f4" + "3fff";

    private static ByteBuffer packet(final String hex, final int capacity) {
        final ByteBuffer buf = ByteBuffer.allocate(capacity);
        buf.put(HEX.parseHex(hex));
        return buf;
    }

    @Test
    void smallestSenderPacketGetsTheFullRfcLayoutIn41Octets() {
        final ByteBuffer buf = packet(SENDER_HEADER, 64);
        final int length = ReflectStep.reflect(buf, 0, 14, 7, 0xAAAAAAAA_BBBBBBBBL, (short) 0x2001, 255);
        ReflectStep.stampTransmit(buf, 0, 0xAAAAAAAA_BBBBBBBCL);
        assertEquals(41, length);
        final String expected = "00000007"      // reflector's own sequence number
            + "aaaaaaaabbbbbbbc"                  // Timestamp (T3)
            + "2001"                              // Error Estimate
            + "0000"                              // MBZ
            + "aaaaaaaabbbbbbbb"                  // Receive Timestamp (T2)
            + "01020304"                          // Sender Sequence Number
            + "e1e2e3e4f1f2f3f4"                  // Sender Timestamp
            + "3fff"                              // Sender Error Estimate
            + "0000"                              // MBZ
            + "ff";                               // Sender TTL
        final byte[] out = new byte[41];
        buf.get(0, out);
        assertEquals(expected, HEX.formatHex(out));
    }

    @Test
    void paddingIsReusedAndTruncatedAtItsEndSoBothDirectionsCarryTheSamePayload() {
        final StringBuilder padding = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            padding.append(String.format("%02x", i));
        }
        final ByteBuffer buf = packet(SENDER_HEADER + padding, 128);
        final int length = ReflectStep.reflect(buf, 0, 64, 0, 1L, (short) 1, 64);
        assertEquals(64, length, "reply length equals the sender's when it padded enough");
        final byte[] replyPadding = new byte[64 - 41];
        buf.get(41, replyPadding);
        assertEquals(padding.substring(0, 2 * replyPadding.length), HEX.formatHex(replyPadding),
            "the first octets of the sender padding are kept, the highest-numbered discarded");
        assertEquals(64, buf.get(40), "the TTL the caller read");
    }

    @Test
    void shortPaddingStillGives41OctetsWithHeaderOverTheSenderPadding() {
        final ByteBuffer buf = packet(SENDER_HEADER + "ffffffffff", 64);
        assertEquals(41, ReflectStep.reflect(buf, 0, 19, 0, 1L, (short) 1, 255));
        assertEquals(0, buf.getShort(14), "MBZ is zero even where sender padding was");
    }

    @Test
    void worksAtAnOffsetInsideALargerBufferWithoutTouchingItsNeighbours() {
        final ByteBuffer buf = ByteBuffer.allocate(200);
        for (int i = 0; i < 200; i++) {
            buf.put(i, (byte) 0x55);
        }
        buf.put(100, HEX.parseHex(SENDER_HEADER));
        ReflectStep.reflect(buf, 100, 14, 3, 5L, (short) 1, 255);
        assertEquals(0x55, buf.get(99));
        assertEquals(0x55, buf.get(141));
        assertEquals(3, buf.getInt(100));
        assertEquals(0x01020304, buf.getInt(124));
        assertEquals(0, buf.position(), "position untouched");
    }

    @Test
    void transmitTimestampIsNeverEqualToReceiveTimestamp() {
        assertEquals(11L, ReflectStep.transmitTimestamp(10L, 10L));
        assertEquals(11L, ReflectStep.transmitTimestamp(10L, 9L));
        assertEquals(20L, ReflectStep.transmitTimestamp(10L, 20L));
        assertTrue(Long.compareUnsigned(ReflectStep.transmitTimestamp(0xF000_0000_0000_0000L, 0x1000L),
            0xF000_0000_0000_0000L) > 0, "NTP timestamps compare unsigned");
    }

    @Test
    void refusesWhatItCannotReflect() {
        assertThrows(IllegalArgumentException.class,
            () -> ReflectStep.reflect(ByteBuffer.allocate(64), 0, 13, 0, 0, (short) 1, 255));
        assertThrows(IllegalArgumentException.class,
            () -> ReflectStep.reflect(ByteBuffer.allocate(40), 0, 14, 0, 0, (short) 1, 255));
        assertThrows(IllegalArgumentException.class, () -> ReflectStep.reflect(
            ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN), 0, 14, 0, 0, (short) 1, 255));
    }

    @Test
    void unchangedBytesAreExactlyTheSendersInAReplyOfMaximumLength() {
        final byte[] sender = new byte[1400];
        for (int i = 14; i < sender.length; i++) {
            sender[i] = (byte) (i * 7);
        }
        final ByteBuffer buf = ByteBuffer.allocate(1400).put(0, sender);
        ReflectStep.reflect(buf, 0, 1400, 0, 0, (short) 1, 255);
        final byte[] expected = new byte[1400 - 41];
        System.arraycopy(sender, 14, expected, 0, expected.length);
        final byte[] actual = new byte[expected.length];
        buf.get(41, actual);
        assertArrayEquals(expected, actual);
    }
}
