package net.twampagent.dataplane.control;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import net.twampagent.dataplane.crypto.ControlChannel;
import net.twampagent.dataplane.wire.CommandNumber;
import net.twampagent.dataplane.wire.SetUpResponse;

/**
 * Cuts the client's byte stream into whole TWAMP-Control messages. TWAMP messages carry no length: the first is
 * always a Set-Up-Response (164 octets), and every later one has the size its Command Number implies. A command
 * this server does not take is passed on as its first octet alone, after which nothing more is read (its length
 * is unknown, so where the next message starts is too).
 *
 * <p>In modes 2, 4 and 8 the connection handler gives this decoder the connection's {@link ControlChannel} once
 * the client is authenticated. From then on the Command Number is only known after the first block is
 * deciphered, so deciphering happens here, block by block in the chain's order, and a message is passed on only
 * when its HMAC verified. When it did not, or when the deciphered Command Number is not one this server takes (a
 * message of unknown size has no HMAC field to check), {@link ControlHmacFailure} is passed on instead and nothing
 * more is read: the chain is broken, and the handler closes the connection without an answer.
 */
final class ControlFrameDecoder extends ByteToMessageDecoder {
    private static final int BLOCK = 16;
    private static final int LARGEST_MESSAGE = 112;

    private final byte[] scratch = new byte[LARGEST_MESSAGE];
    private boolean setUpDone;
    private boolean lost;
    private ControlChannel channel;
    private int pendingSize;

    /** Deciphers and verifies every message after the Set-Up-Response with {@code control}. */
    void decipherWith(final ControlChannel control) {
        channel = control;
    }

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
        if (channel != null) {
            decodeCiphered(in, out);
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

    private void decodeCiphered(final ByteBuf in, final List<Object> out) {
        if (pendingSize == 0) {
            if (in.readableBytes() < BLOCK) {
                return;
            }
            decipher(in, 0, BLOCK);
            final int size = CommandNumber.messageSize(in.getUnsignedByte(in.readerIndex()));
            if (size == 0) {
                // Without a size there is no HMAC field to check: nothing authentic can be made of this.
                fail(in, out);
                return;
            }
            pendingSize = size;
        }
        if (in.readableBytes() < pendingSize) {
            return;
        }
        final int size = pendingSize;
        pendingSize = 0;
        decipher(in, BLOCK, size - BLOCK - ControlChannel.HMAC_LENGTH);
        final int hmacAt = in.readerIndex() + size - ControlChannel.HMAC_LENGTH;
        in.getBytes(hmacAt, scratch, 0, ControlChannel.HMAC_LENGTH);
        if (!channel.verifyIncoming(ByteBuffer.wrap(scratch, 0, ControlChannel.HMAC_LENGTH))) {
            fail(in, out);
            return;
        }
        out.add(in.readRetainedSlice(size));
    }

    private void fail(final ByteBuf in, final List<Object> out) {
        lost = true;
        in.skipBytes(in.readableBytes());
        out.add(ControlHmacFailure.INSTANCE);
    }

    /** Deciphers {@code length} octets from {@code offset} past the reader index, in place in {@code in}. */
    private void decipher(final ByteBuf in, final int offset, final int length) {
        if (length == 0) {
            return;
        }
        final int at = in.readerIndex() + offset;
        in.getBytes(at, scratch, 0, length);
        channel.decryptIncoming(ByteBuffer.wrap(scratch, 0, length));
        in.setBytes(at, scratch, 0, length);
    }
}
