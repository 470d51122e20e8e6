package net.twampagent.dataplane.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** The framing state machine: set-up first, then sizes by command, octets arriving in any split. */
class ControlFrameDecoderTest {
    private static ByteBuf command(final int number, final int size) {
        final byte[] bytes = new byte[size];
        bytes[0] = (byte) number;
        return Unpooled.wrappedBuffer(bytes);
    }

    private static int frame(final EmbeddedChannel channel) {
        final ByteBuf frame = channel.readInbound();
        if (frame == null) {
            return -1;
        }
        try {
            return frame.readableBytes();
        } finally {
            frame.release();
        }
    }

    @Test
    void setUpThenCommandsSplitAnywhere() {
        final EmbeddedChannel channel = new EmbeddedChannel(new ControlFrameDecoder());
        final ByteBuf all = Unpooled.buffer();
        all.writeBytes(new byte[164]).writeBytes(command(5, 112)).writeBytes(command(2, 32))
            .writeBytes(command(3, 32));
        while (all.isReadable()) {
            channel.writeInbound(all.readRetainedSlice(Math.min(7, all.readableBytes())));
        }
        all.release();
        assertEquals(164, frame(channel), "the first 164 octets are the Set-Up-Response, whatever they hold");
        assertEquals(112, frame(channel));
        assertEquals(32, frame(channel));
        assertEquals(32, frame(channel));
        assertEquals(-1, frame(channel));
    }

    @Test
    void aTruncatedMessageWaitsAndAnUnknownCommandEndsTheFraming() {
        final EmbeddedChannel channel = new EmbeddedChannel(new ControlFrameDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[164]));
        frame(channel);
        channel.writeInbound(command(5, 100));
        assertNull(channel.readInbound(), "100 of 112 octets: nothing yet");
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[12]));
        assertEquals(112, frame(channel));
        channel.writeInbound(command(9, 48));
        assertEquals(1, frame(channel), "only the command octet of an unknown command is passed on");
        channel.writeInbound(command(2, 32));
        assertEquals(-1, frame(channel), "nothing is read after it");
        channel.finishAndReleaseAll();
    }
}
