package net.twampagent.netconf.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.Map;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcReplies;
import org.opendaylight.netconf.api.messages.NetconfMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the size of one message before the framing layer buffers it: bytes are counted from the end of the last
 * message ({@code ]]>]]>} in base 1.0, {@code \n##\n} in base 1.1). Past the cap the session cannot be
 * resynchronised, so the client gets malformed-message and the session is closed; the agent is untouched.
 */
final class MessageSizeGuard extends ChannelInboundHandlerAdapter {
    static final long MAX_MESSAGE_BYTES = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MessageSizeGuard.class);
    private static final byte[] EOM = {']', ']', '>', ']', ']', '>'};
    private static final byte[] EOC = {'\n', '#', '#', '\n'};

    private final long limit;
    private long count;
    private int eomMatched;
    private int eocMatched;
    private boolean refused;

    MessageSizeGuard(final long limit) {
        this.limit = limit;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) throws Exception {
        if (refused || !(msg instanceof ByteBuf buf)) {
            if (refused && msg instanceof ByteBuf buf) {
                buf.release();
                return;
            }
            ctx.fireChannelRead(msg);
            return;
        }
        for (int i = buf.readerIndex(); i < buf.writerIndex(); i++) {
            final byte b = buf.getByte(i);
            count++;
            eomMatched = b == EOM[eomMatched] ? eomMatched + 1 : b == EOM[0] ? 1 : 0;
            eocMatched = b == EOC[eocMatched] ? eocMatched + 1 : b == EOC[0] ? 1 : 0;
            if (eomMatched == EOM.length || eocMatched == EOC.length) {
                count = 0;
                eomMatched = 0;
                eocMatched = 0;
            }
            if (count > limit) {
                refused = true;
                buf.release();
                LOG.warn("Closing the session from {}: a message exceeds {} bytes", ctx.channel().remoteAddress(),
                    limit);
                final var reply = RpcReplies.errors(null, List.of(new RpcError("rpc", "malformed-message", null,
                    null, Map.of(), "the message exceeds " + limit + " bytes; the session is closed", Map.of())));
                ctx.channel().writeAndFlush(new NetconfMessage(reply)).addListener(f -> ctx.channel().close());
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
