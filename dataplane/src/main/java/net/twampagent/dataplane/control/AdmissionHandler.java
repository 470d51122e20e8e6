package net.twampagent.dataplane.control;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.wire.ServerGreeting;

/**
 * The first stage of every connection: admits it or refuses it before anything else happens. A refused client
 * gets a Server Greeting with Modes 0 (RFC 4656 §3.1: the server will not serve it) and the connection is closed
 * once that is written; an admitted one goes on to the control state machine and this handler leaves the
 * pipeline.
 */
final class AdmissionHandler extends ChannelInboundHandlerAdapter {
    private final ServerCore core;
    private final InstanceScope instance;

    AdmissionHandler(final ServerCore core, final InstanceScope instance) {
        this.core = core;
        this.instance = instance;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) {
        final InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
        final Refusal refusal = core.admission(client, instance.name());
        if (refusal == null) {
            ctx.pipeline().remove(this);
            ctx.fireChannelActive();
            return;
        }
        core.refuse(refusal, client, describe(refusal, core.config(), instance.name()));
        final ByteBuf greeting = ctx.alloc().buffer(ServerGreeting.SIZE);
        new ServerGreeting(0, new byte[16], new byte[16], core.config().kdfCount()).encode(greeting);
        ctx.writeAndFlush(greeting).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        // A refused client's bytes are not read; the connection is closing.
        ReferenceCountUtil.release(msg);
    }

    private static String describe(final Refusal refusal, final ServerConfig config, final String instance) {
        return switch (refusal) {
            case SERVER_DISABLED -> "the server is disabled";
            case CLIENT_NOT_ALLOWED -> "address not in the client-list of routing instance " + instance;
            case MAXIMUM_CONNECTIONS -> "maximum-connections " + config.maximumConnections() + " reached";
            case MAXIMUM_CONNECTIONS_PER_CLIENT -> "maximum-connections-per-client "
                + config.maximumConnectionsPerClient() + " reached";
            default -> refusal.name();
        };
    }
}
