package net.twampagent.dataplane.control;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import net.twampagent.dataplane.wire.CommandNumber;
import net.twampagent.dataplane.wire.SetUpResponse;

/**
 * Cuts the client's byte stream into whole TWAMP-Control messages. TWAMP messages carry no length: the first is
 * always a Set-Up-Response (164 octets), and every later one has the size its Command Number implies. A command
 * this server does not take is passed on as its first octet alone, after which nothing more is read (its length
 * is unknown, so where the next message starts is too).
 */
final class ControlFrameDecoder extends ByteToMessageDecoder {
    private boolean setUpDone;
    private boolean lost;

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out) {
        if (lost) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!setUpDone) {
            if (in.readableBytes() >= SetUpResponse.SIZE) {
                out.add(in.readRetainedSlice(SetUpResponse.SIZE));
                setUpDone = true;
            }
            return;
        }
        if (!in.isReadable()) {
            return;
        }
        final int size = CommandNumber.messageSize(in.getUnsignedByte(in.readerIndex()));
        if (size == 0) {
            lost = true;
            out.add(in.readRetainedSlice(1));
        } else if (in.readableBytes() >= size) {
            out.add(in.readRetainedSlice(size));
        }
    }
}
