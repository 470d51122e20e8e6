package net.twampagent.netconf.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Learns the address a listening channel was bound to, which ODL's transports do not expose; needed when the
 * port asked for is 0 (tests, benchmarks).
 */
@Sharable
final class BoundAddress extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<InetSocketAddress> address = new CompletableFuture<>();

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception {
        address.complete((InetSocketAddress) ctx.channel().localAddress());
        super.channelActive(ctx);
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            address.complete((InetSocketAddress) ctx.channel().localAddress());
        }
    }

    InetSocketAddress get() {
        return address.join();
    }
}
