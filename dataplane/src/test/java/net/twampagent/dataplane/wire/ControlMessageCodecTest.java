package net.twampagent.dataplane.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Each control message against octets written by hand from the layout tables of RFC 4656 §3 / RFC 5357 §3. */
class ControlMessageCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String encode(final ControlMessage message) {
        final ByteBuf buf = Unpooled.buffer();
        message.encode(buf);
        assertEquals(message.size(), buf.readableBytes(), "size() matches the octets written");
        if (!(message instanceof SetUpResponse)) {
            assertEquals(0, message.size() % 16, "a whole number of 16-octet blocks");
        }
        return HEX.formatHex(ByteBufUtilCopy.bytes(buf));
    }

    private static ByteBuf octets(final String hex) {
        return Unpooled.wrappedBuffer(HEX.parseHex(hex.replace(" ", "")));
    }

    private static String repeat(final String s, final int n) {
        return s.repeat(n);
    }

    @Test
    void serverGreeting() {
        final byte[] challenge = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        final byte[] salt = HEX.parseHex("101112131415161718191a1b1c1d1e1f");
        final String expected = repeat("00", 12) + "00000001" + HEX.formatHex(challenge) + HEX.formatHex(salt)
            + "00000400" + repeat("00", 12);
        assertEquals(expected, encode(new ServerGreeting(1, challenge, salt, 1024)));
        final ServerGreeting decoded = ServerGreeting.decode(octets(expected));
        assertEquals(1, decoded.modes());
        assertEquals(1024, decoded.count());
        assertArrayEquals(salt, decoded.salt());
    }

    @Test
    void setUpResponse() {
        final String wire = "00000001" + "616c696365" + repeat("00", 75) + repeat("ab", 64) + repeat("cd", 16);
        final SetUpResponse decoded = SetUpResponse.decode(octets(wire));
        assertEquals(1, decoded.mode());
        assertEquals("alice", decoded.keyIdText());
        assertEquals(wire, encode(decoded));
        assertEquals("00000001" + repeat("00", 160), encode(SetUpResponse.unauthenticated(1)));
    }

    @Test
    void serverStart() {
        final String wire = repeat("00", 15) + "00" + repeat("11", 16) + "e7a1b2c3d4e5f607" + repeat("00", 8);
        final ServerStart decoded = ServerStart.decode(octets(wire));
        assertEquals(0, decoded.accept());
        assertEquals(0xe7a1b2c3d4e5f607L, decoded.startTime());
        assertEquals(wire, encode(decoded));
        assertEquals(3, ServerStart.decode(octets(repeat("00", 15) + "03" + repeat("00", 32))).accept());
    }

    @Test
    void requestTwSession() throws Exception {
        final String wire = "05" + "04" + "00" + "00"        // command, MBZ/IPVN, Conf-Sender, Conf-Receiver
            + "00000000" + "00000000"                       // slots, packets
            + "4a38" + "4a39"                               // sender port 19000, receiver port 19001
            + "c0000201" + repeat("00", 12)                 // sender 192.0.2.1
            + "c0000202" + repeat("00", 12)                 // receiver 192.0.2.2
            + repeat("00", 16)                              // SID
            + "0000001b"                                    // padding 27
            + "e7a1b2c300000000"                            // start time
            + "0000000280000000"                            // timeout 2.5 s
            + "2e000000"                                    // Type-P: DSCP 46 (EF)
            + repeat("00", 8) + repeat("00", 16);           // MBZ, HMAC
        final RequestTwSession r = RequestTwSession.decode(octets(wire));
        assertEquals(5, r.command());
        assertEquals(4, r.ipvn());
        assertEquals(19000, r.senderPort());
        assertEquals(19001, r.receiverPort());
        assertEquals(InetAddress.getByName("192.0.2.1"), r.senderInetAddress());
        assertEquals(InetAddress.getByName("192.0.2.2"), r.receiverInetAddress());
        assertEquals(27, r.paddingLength());
        assertEquals(46, r.dscp());
        assertTrue(r.typePIsDscp());
        assertEquals(java.time.Duration.ofMillis(2500), NtpTimestamp.toDuration(r.timeout()));
        assertTrue(r.sidIsZero());
        assertEquals(wire, encode(r));
        assertEquals(wire, encode(RequestTwSession.of(4, InetAddress.getByName("192.0.2.1"), 19000,
            InetAddress.getByName("192.0.2.2"), 19001, 27, 0xe7a1b2c300000000L, 0x0000000280000000L, 46)));
    }

    @Test
    void requestWithZeroAddressesAndIpv6AndMbzNibble() throws Exception {
        final byte[] wire = new byte[112];
        wire[0] = 5;
        wire[1] = (byte) 0xF6;  // MBZ high nibble set: ignored
        final RequestTwSession zero = RequestTwSession.decode(Unpooled.wrappedBuffer(wire));
        assertEquals(6, zero.ipvn());
        assertNull(zero.senderInetAddress(), "zero means the control connection's address");
        final RequestTwSession v6 = RequestTwSession.of(6, InetAddress.getByName("2001:db8::1"), 1,
            InetAddress.getByName("2001:db8::2"), 2, 0, 0, 0, 0);
        assertEquals(InetAddress.getByName("2001:db8::2"),
            RequestTwSession.decode(Unpooled.wrappedBuffer(HEX.parseHex(encode(v6)))).receiverInetAddress());
    }

    @Test
    void acceptSessionStartStopMessages() {
        final String accept = "00" + "00" + "4a39" + repeat("5a", 16) + repeat("00", 12) + repeat("00", 16);
        final AcceptSession a = AcceptSession.decode(octets(accept));
        assertEquals(19001, a.port());
        assertEquals(accept, encode(a));
        assertEquals("05" + "00" + "0000" + repeat("00", 44), encode(AcceptSession.refused(5)));
        assertEquals("02" + repeat("00", 31), encode(StartSessions.unauthenticated()));
        assertEquals("00" + repeat("00", 31), encode(new StartAck(0)));
        assertEquals(3, StartAck.decode(octets("03" + repeat("00", 31))).accept());
        final String stop = "03" + "00" + "0000" + "00000002" + repeat("00", 24);
        assertEquals(stop, encode(new StopSessions(0, 2)));
        assertEquals(0xFFFFFFFFL, StopSessions.decode(octets("0300" + "0000" + "ffffffff" + repeat("00", 24)))
            .numberOfSessions(), "Number of Sessions is unsigned");
    }

    @Test
    void truncatedMessagesAreRefusedWithTheirName() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RequestTwSession.decode(Unpooled.wrappedBuffer(new byte[111])));
        assertTrue(e.getMessage().contains("Request-TW-Session needs 112 octets"), e.getMessage());
        assertEquals(0, CommandNumber.messageSize(1), "OWAMP Request-Session is forbidden in TWAMP");
        assertEquals(112, CommandNumber.messageSize(5));
    }

    /** Copies a buffer's readable octets. */
    private static final class ByteBufUtilCopy {
        static byte[] bytes(final ByteBuf buf) {
            final byte[] out = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), out);
            return out;
        }
    }
}
